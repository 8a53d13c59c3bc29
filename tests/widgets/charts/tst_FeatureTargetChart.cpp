#include <QtTest>
#include <cmath>
#include <limits>

#include <qcustomplot.h>

#include "ChartTestSupport.h"
#include "widgets/charts/ChartStyle.h"
#include "widgets/charts/FeatureTargetChart.h"

using lathe::explore::BoxPlotData;
using lathe::explore::FeatureTargetData;
using lathe::widgets::ChartStyle;
using lathe::widgets::FeatureTargetChart;
using Kind = FeatureTargetData::Kind;

namespace {

// Flipper length by species in penguins.csv over 13 bins of 5 mm from 170 (numpy.histogram,
// computed once).
FeatureTargetData flipperBySpecies() {
  FeatureTargetData data;
  data.kind = Kind::ClassHistograms;
  data.feature = "Flipper Length (mm)";
  data.target = "Species";
  data.classes = {"Adelie", "Chinstrap", "Gentoo"};
  for (int i = 0; i <= 13; ++i) data.binEdges.push_back(170.0 + 5.0 * i);
  data.classCounts = {{2, 5, 22, 36, 47, 30, 6, 2, 1, 0, 0, 0, 0},
                      {0, 1, 2, 9, 15, 21, 12, 4, 4, 0, 0, 0, 0},
                      {0, 0, 0, 0, 0, 0, 1, 13, 30, 36, 24, 11, 8}};
  return data;
}

// Species by island (pandas.crosstab): Chinstraps live only on Dream, Gentoos only on Biscoe.
FeatureTargetData speciesByIsland() {
  FeatureTargetData data;
  data.kind = Kind::ClassShares;
  data.feature = "Island";
  data.target = "Species";
  data.classes = {"Adelie", "Chinstrap", "Gentoo"};
  data.levels = {"Biscoe", "Dream", "Torgersen"};
  data.classCounts = {{44, 56, 52}, {0, 68, 0}, {124, 0, 0}};
  return data;
}

// Body mass by species (pandas quantile(), 1.5 IQR whiskers).
FeatureTargetData bodyMassBySpecies() {
  FeatureTargetData data;
  data.kind = Kind::Boxes;
  data.feature = "Species";
  data.target = "Body Mass (g)";
  data.boxes.column = "Body Mass (g)";
  data.boxes.groupColumn = "Species";
  data.boxes.boxes.push_back({"Adelie", 151, 3350.0, 3700.0, 4000.0, 2850.0, 4775.0, 2850.0, 4775.0, {}, 0});
  data.boxes.boxes.push_back({"Chinstrap", 68, 3487.5, 3700.0, 3950.0, 2900.0, 4550.0, 2700.0, 4800.0, {2700.0, 4800.0}, 2});
  data.boxes.boxes.push_back({"Gentoo", 123, 4700.0, 5000.0, 5500.0, 3950.0, 6300.0, 3950.0, 6300.0, {}, 0});
  return data;
}

// Flipper length against body mass of the 342 penguins with both, read from penguins.csv.
FeatureTargetData flipperAgainstBodyMass() {
  FeatureTargetData data;
  data.kind = Kind::Scatter;
  data.feature = "Flipper Length (mm)";
  data.target = "Body Mass (g)";
  data.scatter.xColumn = data.feature;
  data.scatter.yColumn = data.target;
  for (const Penguin& penguin : penguinsWithFlipperAndMass()) {
    data.scatter.x.push_back(penguin.flipperLength);
    data.scatter.y.push_back(penguin.bodyMass);
  }
  data.scatter.totalPoints = data.scatter.x.size();
  return data;
}

QList<QCPBars*> barsOf(FeatureTargetChart& chart) {
  QList<QCPBars*> bars;
  for (int i = 0; i < chart.plottableCount(); ++i)
    if (auto* b = qobject_cast<QCPBars*>(chart.plottable(i))) bars << b;
  return bars;
}

double valueAt(QCPBars* bars, double key) {
  for (auto it = bars->data()->constBegin(); it != bars->data()->constEnd(); ++it)
    if (it->key == key) return it->value;
  return std::numeric_limits<double>::quiet_NaN();
}

}  // namespace

class tst_FeatureTargetChart : public QObject {
  Q_OBJECT

 private slots:
  void initTestCase() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); }

  void classHistogramsOverlapPerClass() {
    FeatureTargetChart chart;
    chart.resize(800, 500);
    chart.setData(flipperBySpecies());
    chart.replot();
    QCOMPARE(chart.objectName(), QStringLiteral("featureTargetChart"));
    QCOMPARE(chart.kind(), Kind::ClassHistograms);
    QCOMPARE(chart.seriesCount(), 3);
    const QList<QCPBars*> bars = barsOf(chart);
    QCOMPARE(bars.size(), 3);
    QCOMPARE(bars[1]->name(), QStringLiteral("Chinstrap"));
    QCOMPARE(bars[1]->dataCount(), 13);
    QCOMPARE(valueAt(bars[1], 197.5), 21.0);  // [195, 200)
    QCOMPARE(valueAt(bars[2], 217.5), 36.0);
    QCOMPARE(bars[0]->width(), 5.0);
    // Not stacked, and see-through where classes overlap.
    QVERIFY(!bars[1]->barBelow());
    QVERIFY(bars[0]->brush().color().alpha() < 255);
    QCOMPARE(bars[2]->pen().color().rgb(), ChartStyle::seriesColor(2).rgb());
    QVERIFY(chart.legend->visible());
    QCOMPARE(chart.legend->itemCount(), 3);
    QCOMPARE(chart.xAxis->label(), QStringLiteral("Flipper Length (mm)"));
    QVERIFY(chart.xAxis->range().contains(170.0) && chart.xAxis->range().contains(235.0));
    QVERIFY(chart.yAxis->range().contains(47.0));

    const QString tip = chart.toolTipAt(QPointF(chart.xAxis->coordToPixel(197.0), chart.yAxis->coordToPixel(10.0)));
    QVERIFY2(tip.startsWith(QStringLiteral("Flipper Length (mm): 195 to 200")), qPrintable(tip));
    QVERIFY2(tip.contains(QStringLiteral("Adelie: 30")) && tip.contains(QStringLiteral("Chinstrap: 21")) &&
                 tip.contains(QStringLiteral("Gentoo: 0")),
             qPrintable(tip));
    QVERIFY(chart.toolTipAt(QPointF(chart.xAxis->coordToPixel(169.0), chart.yAxis->coordToPixel(10.0))).isEmpty());
  }

  void classSharesStackToAHundredPerLevel() {
    FeatureTargetChart chart;
    chart.resize(800, 500);
    chart.setData(speciesByIsland());
    chart.replot();
    QCOMPARE(chart.kind(), Kind::ClassShares);
    QCOMPARE(chart.seriesCount(), 3);
    const QList<QCPBars*> bars = barsOf(chart);
    QCOMPARE(bars[1]->barBelow(), bars[0]);
    QCOMPARE(bars[2]->barBelow(), bars[1]);
    QVERIFY(std::abs(valueAt(bars[0], 0.0) - 100.0 * 44 / 168) < 1e-9);  // Adelie on Biscoe
    QVERIFY(std::abs(valueAt(bars[2], 0.0) - 100.0 * 124 / 168) < 1e-9);
    QCOMPARE(valueAt(bars[0], 2.0), 100.0);  // Torgersen: Adelies only
    for (double level : {0.0, 1.0, 2.0}) {
      double total = 0;
      for (QCPBars* b : bars) total += valueAt(b, level);
      QVERIFY(std::abs(total - 100.0) < 1e-9);
    }
    for (int c = 0; c < 3; ++c) QCOMPARE(bars[c]->brush().color(), ChartStyle::seriesColor(c));
    auto ticker = chart.xAxis->ticker().dynamicCast<QCPAxisTickerText>();
    QVERIFY(ticker);
    QCOMPARE(ticker->ticks().value(1.0), QStringLiteral("Dream"));
    QCOMPARE(chart.yAxis->range().upper, 100.0);
    QCOMPARE(chart.legend->itemCount(), 3);

    const QString tip = chart.toolTipAt(QPointF(chart.xAxis->coordToPixel(0.1), chart.yAxis->coordToPixel(50.0)));
    QVERIFY2(tip.startsWith(QStringLiteral("Island = Biscoe")), qPrintable(tip));
    QVERIFY2(tip.contains(QStringLiteral("Adelie: 44 of 168 (26.2%)")), qPrintable(tip));
    QVERIFY2(tip.contains(QStringLiteral("Gentoo: 124 of 168 (73.8%)")), qPrintable(tip));
    QVERIFY2(tip.contains(QStringLiteral("Chinstrap: 0 of 168 (0.0%)")), qPrintable(tip));
  }

  void boxesPerLevelDrawLikeTheBoxPlot() {
    FeatureTargetChart chart;
    chart.resize(800, 500);
    chart.setData(bodyMassBySpecies());
    chart.replot();
    QCOMPARE(chart.kind(), Kind::Boxes);
    QCOMPARE(chart.seriesCount(), 3);
    auto* chinstrap = qobject_cast<QCPStatisticalBox*>(chart.plottable(1));
    QVERIFY(chinstrap);
    QCOMPARE(chinstrap->data()->begin()->median, 3700.0);
    QCOMPARE(chinstrap->data()->begin()->outliers.size(), 2);
    QCOMPARE(chart.xAxis->ticker().dynamicCast<QCPAxisTickerText>()->ticks().value(2.0), QStringLiteral("Gentoo"));
    QCOMPARE(chart.xAxis->label(), QStringLiteral("Species"));
    QCOMPARE(chart.yAxis->label(), QStringLiteral("Body Mass (g)"));
    // No legend to show: the boxes get the whole width (an empty legend must not squeeze them).
    QVERIFY(!chart.legend->visible());
    QVERIFY2(chart.axisRect()->width() > chart.width() / 2, qPrintable(QString::number(chart.axisRect()->width())));
    const QString tip = chart.toolTipAt(QPointF(chart.xAxis->coordToPixel(2.0), chart.yAxis->coordToPixel(5000.0)));
    QVERIFY2(tip.contains(QStringLiteral("n = 123")), qPrintable(tip));
  }

  void scatterDrawsLikeTheScatterChart() {
    FeatureTargetChart chart;
    chart.resize(800, 500);
    chart.setData(flipperAgainstBodyMass());
    chart.replot();
    QCOMPARE(chart.kind(), Kind::Scatter);
    QCOMPARE(chart.seriesCount(), 1);
    QCOMPARE(chart.graph(0)->dataCount(), 342);
    QCOMPARE(chart.graph(0)->lineStyle(), QCPGraph::lsNone);
    QCOMPARE(chart.xAxis->label(), QStringLiteral("Flipper Length (mm)"));
    QCOMPARE(chart.yAxis->label(), QStringLiteral("Body Mass (g)"));
    const QString tip = chart.toolTipAt(QPointF(chart.xAxis->coordToPixel(181.0), chart.yAxis->coordToPixel(3750.0)));
    QVERIFY2(tip.contains(QStringLiteral("Body Mass (g): 3,750")), qPrintable(tip));
  }

  void switchingKindsLeavesNothingBehind() {
    FeatureTargetChart chart;
    chart.resize(800, 500);
    chart.setData(speciesByIsland());
    QCOMPARE(chart.axisRect()->rangeZoom(), Qt::Orientations(Qt::Horizontal));
    chart.setData(bodyMassBySpecies());
    QCOMPARE(chart.axisRect()->rangeZoom(), Qt::Orientations(Qt::Vertical));
    QVERIFY(!chart.legend->visible());
    chart.replot();
    QVERIFY(chart.axisRect()->width() > chart.width() / 2);
    QCOMPARE(chart.plotLayout()->rowCount(), 1);
    chart.setData(flipperBySpecies());
    QCOMPARE(chart.kind(), Kind::ClassHistograms);
    QVERIFY(!chart.xAxis->ticker().dynamicCast<QCPAxisTickerText>());  // numbers again, not levels
    QCOMPARE(chart.xAxis->tickLabelRotation(), 0.0);
    QCOMPARE(chart.axisRect()->rangeZoom(), Qt::Orientations(Qt::Horizontal | Qt::Vertical));
    QCOMPARE(chart.seriesCount(), 3);
    QCOMPARE(chart.findChildren<QCPStatisticalBox*>().size(), 0);
    QCOMPARE(chart.plotLayout()->rowCount(), 2);  // the legend above the plot
    QVERIFY(chart.legend->visible());
    chart.setData(flipperAgainstBodyMass());
    QCOMPARE(chart.findChildren<QCPBars*>().size(), 0);
    QCOMPARE(chart.yAxis->label(), QStringLiteral("Body Mass (g)"));
    chart.replot();
  }

  void emptyAndBrokenDataDoNotCrash() {
    FeatureTargetChart chart;
    chart.resize(500, 300);
    QVERIFY(!chart.emptyStateText().isEmpty());
    QCOMPARE(chart.seriesCount(), 0);
    QCOMPARE(chart.kind(), Kind::ClassHistograms);
    QVERIFY(chart.toolTipAt(QPointF(250, 150)).isEmpty());
    chart.replot();

    for (Kind kind : {Kind::ClassHistograms, Kind::ClassShares, Kind::Boxes, Kind::Scatter}) {
      FeatureTargetData none;  // every row had the feature or the target missing
      none.kind = kind;
      none.feature = "Sex";
      none.target = "Species";
      chart.setData(none);
      QCOMPARE(chart.kind(), kind);
      QCOMPARE(chart.seriesCount(), 0);
      QVERIFY(chart.emptyStateText().contains(QStringLiteral("Sex")));
      QVERIFY(chart.toolTipAt(QPointF(250, 150)).isEmpty());
      chart.replot();
    }

    const double nan = std::numeric_limits<double>::quiet_NaN();
    FeatureTargetData ragged = flipperBySpecies();  // short and missing rows, a NaN edge
    ragged.binEdges[3] = nan;
    ragged.classCounts[1].resize(4);
    ragged.classCounts.push_back({});
    ragged.classes.resize(2);
    chart.setData(ragged);
    QCOMPARE(chart.seriesCount(), 4);
    QCOMPARE(barsOf(chart)[3]->name(), QStringLiteral("Class 4"));
    QCOMPARE(barsOf(chart)[0]->dataCount(), 11);  // the two bins touching the NaN edge are left out
    chart.replot();

    FeatureTargetData oneEdge = flipperBySpecies();
    oneEdge.binEdges = {170.0};
    chart.setData(oneEdge);
    QCOMPARE(chart.seriesCount(), 0);

    FeatureTargetData emptyLevel = speciesByIsland();  // a level without rows, short rows
    emptyLevel.levels.push_back("");
    emptyLevel.classCounts[2].resize(1);
    chart.setData(emptyLevel);
    QCOMPARE(chart.seriesCount(), 3);
    QCOMPARE(valueAt(barsOf(chart)[0], 3.0), 0.0);
    QCOMPARE(chart.xAxis->ticker().dynamicCast<QCPAxisTickerText>()->ticks().value(3.0), QStringLiteral("(empty)"));
    chart.replot();

    chart.clear();
    QCOMPARE(chart.seriesCount(), 0);
    QVERIFY(!chart.emptyStateText().isEmpty());
    QVERIFY(!chart.legend->visible());
    chart.replot();
  }

  void exportsToEachFormat_data() {
    QTest::addColumn<QString>("suffix");
    QTest::addColumn<int>("kind");
    QTest::newRow("png histograms") << QStringLiteral("png") << int(Kind::ClassHistograms);
    QTest::newRow("svg shares") << QStringLiteral("svg") << int(Kind::ClassShares);
    QTest::newRow("pdf boxes") << QStringLiteral("pdf") << int(Kind::Boxes);
    QTest::newRow("png scatter") << QStringLiteral("png") << int(Kind::Scatter);
  }
  void exportsToEachFormat() {
    QFETCH(QString, suffix);
    QFETCH(int, kind);
    FeatureTargetChart chart;
    chart.resize(640, 400);
    switch (static_cast<Kind>(kind)) {
      case Kind::ClassHistograms: chart.setData(flipperBySpecies()); break;
      case Kind::ClassShares: chart.setData(speciesByIsland()); break;
      case Kind::Boxes: chart.setData(bodyMassBySpecies()); break;
      case Kind::Scatter: chart.setData(flipperAgainstBodyMass()); break;
    }
    verifyExport(chart, QStringLiteral("feature-target.") + suffix);
  }
};

QTEST_MAIN(tst_FeatureTargetChart)
#include "tst_FeatureTargetChart.moc"
