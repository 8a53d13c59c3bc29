#include <QHelpEvent>
#include <QToolTip>
#include <QtTest>
#include <cmath>
#include <limits>

#include <qcustomplot.h>

#include "ChartTestSupport.h"
#include "widgets/charts/BoxPlotChart.h"
#include "widgets/charts/ChartStyle.h"

using lathe::explore::BoxPlotData;
using lathe::explore::BoxStats;
using lathe::widgets::BoxPlotChart;

namespace {

// Body mass by species in penguins.csv, computed once with pandas (quantile(), whiskers at the
// furthest values within 1.5 IQR): Chinstrap is the only species with outliers.
BoxPlotData penguinsBodyMassBySpecies() {
  BoxPlotData data;
  data.column = "Body Mass (g)";
  data.groupColumn = "Species";
  data.boxes.push_back({"Adelie", 151, 3350.0, 3700.0, 4000.0, 2850.0, 4775.0, 2850.0, 4775.0, {}, 0});
  data.boxes.push_back({"Chinstrap", 68, 3487.5, 3700.0, 3950.0, 2900.0, 4550.0, 2700.0, 4800.0, {4800.0, 2700.0}, 2});
  data.boxes.push_back({"Gentoo", 123, 4700.0, 5000.0, 5500.0, 3950.0, 6300.0, 3950.0, 6300.0, {}, 0});
  return data;
}

QList<QCPStatisticalBox*> boxesOf(const BoxPlotChart& chart) {
  QList<QCPStatisticalBox*> boxes;
  for (int i = 0; i < const_cast<BoxPlotChart&>(chart).plottableCount(); ++i)
    if (auto* box = qobject_cast<QCPStatisticalBox*>(const_cast<BoxPlotChart&>(chart).plottable(i))) boxes << box;
  return boxes;
}

QPointF pixelOf(const BoxPlotChart& chart, double key, double value) {
  return {chart.xAxis->coordToPixel(key), chart.yAxis->coordToPixel(value)};
}

}  // namespace

class tst_BoxPlotChart : public QObject {
  Q_OBJECT

 private slots:
  void initTestCase() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); }

  void drawsOneBoxPerSpeciesWithItsNumbers() {
    BoxPlotChart chart;
    chart.resize(800, 500);
    chart.setData(penguinsBodyMassBySpecies());
    chart.replot();
    QCOMPARE(chart.objectName(), QStringLiteral("boxPlotChart"));
    QCOMPARE(chart.boxCount(), 3);
    QCOMPARE(chart.boxLabel(0), QStringLiteral("Adelie"));
    QCOMPARE(chart.boxLabel(1), QStringLiteral("Chinstrap"));
    QCOMPARE(chart.boxLabel(2), QStringLiteral("Gentoo"));
    QCOMPARE(chart.boxLabel(3), QString());
    QCOMPARE(chart.boxLabel(-1), QString());
    QVERIFY(chart.emptyStateText().isEmpty());

    const QList<QCPStatisticalBox*> boxes = boxesOf(chart);
    QCOMPARE(boxes.size(), 3);
    const QCPStatisticalBoxData& chinstrap = *boxes[1]->data()->begin();
    QCOMPARE(chinstrap.key, 1.0);
    QCOMPARE(chinstrap.minimum, 2900.0);
    QCOMPARE(chinstrap.lowerQuartile, 3487.5);
    QCOMPARE(chinstrap.median, 3700.0);
    QCOMPARE(chinstrap.upperQuartile, 3950.0);
    QCOMPARE(chinstrap.maximum, 4550.0);
    QCOMPARE(chinstrap.outliers.size(), 2);  // drawn as points
    QVERIFY(chinstrap.outliers.contains(2700.0) && chinstrap.outliers.contains(4800.0));
    QVERIFY(boxes[0]->data()->begin()->outliers.isEmpty());
    QCOMPARE(boxes[2]->data()->begin()->median, 5000.0);

    // The levels label the x axis under their boxes; the value range holds every outlier.
    auto ticker = chart.xAxis->ticker().dynamicCast<QCPAxisTickerText>();
    QVERIFY(ticker);
    QCOMPARE(ticker->ticks().value(0.0), QStringLiteral("Adelie"));
    QCOMPARE(ticker->ticks().value(2.0), QStringLiteral("Gentoo"));
    QCOMPARE(chart.xAxis->label(), QStringLiteral("Species"));
    QCOMPARE(chart.yAxis->label(), QStringLiteral("Body Mass (g)"));
    QVERIFY(chart.yAxis->range().contains(2700.0));
    QVERIFY(chart.yAxis->range().contains(6300.0));
    // Group boxes take the class colours every chart shares.
    QCOMPARE(boxes[0]->pen().color(), lathe::widgets::ChartStyle::seriesColor(0));
    QCOMPARE(boxes[2]->pen().color(), lathe::widgets::ChartStyle::seriesColor(2));
  }

  void tooltipsGiveCountsAndOutliers() {
    BoxPlotChart chart;
    chart.resize(800, 500);
    chart.setData(penguinsBodyMassBySpecies());
    chart.replot();
    const QString adelie = chart.toolTipAt(pixelOf(chart, 0.0, 3700.0));
    QVERIFY2(adelie.contains(QStringLiteral("n = 151")), qPrintable(adelie));
    QVERIFY2(adelie.startsWith(QStringLiteral("Adelie")), qPrintable(adelie));
    QVERIFY2(adelie.contains(QStringLiteral("Median: 3,700")), qPrintable(adelie));
    QVERIFY2(adelie.contains(QStringLiteral("Quartiles: 3,350 to 4,000")), qPrintable(adelie));
    QVERIFY(!adelie.contains(QStringLiteral("Outlier")));

    const QString outlier = chart.toolTipAt(pixelOf(chart, 1.0, 4800.0));
    QVERIFY2(outlier.startsWith(QStringLiteral("Outlier: 4,800")), qPrintable(outlier));
    QVERIFY2(outlier.contains(QStringLiteral("n = 68")), qPrintable(outlier));
    QVERIFY2(outlier.contains(QStringLiteral("Outliers: 2")), qPrintable(outlier));

    QVERIFY(chart.toolTipAt(pixelOf(chart, 0.5, 4000.0)).isEmpty());  // between two boxes
    QVERIFY(chart.toolTipAt(QPointF(-5, -5)).isEmpty());               // outside the plot
  }

  void hoveringShowsTheTooltip() {
    BoxPlotChart chart;
    chart.resize(800, 500);
    chart.show();
    QVERIFY(QTest::qWaitForWindowExposed(&chart));
    chart.setData(penguinsBodyMassBySpecies());
    chart.replot();
    const QPoint at = pixelOf(chart, 2.0, 5000.0).toPoint();
    QHelpEvent help(QEvent::ToolTip, at, chart.mapToGlobal(at));
    QCoreApplication::sendEvent(&chart, &help);
    QTRY_VERIFY(QToolTip::isVisible());
    QVERIFY2(QToolTip::text().contains(QStringLiteral("n = 123")), qPrintable(QToolTip::text()));
  }

  void ungroupedIsOneBoxNamedAfterItsColumn() {
    BoxPlotData data;
    data.column = "Body Mass (g)";
    // All 342 penguins with a body mass (pandas: quantile(), 1.5 IQR whiskers, no outliers).
    data.boxes.push_back({"", 342, 3550.0, 4050.0, 4750.0, 2700.0, 6300.0, 2700.0, 6300.0, {}, 0});
    BoxPlotChart chart;
    chart.setData(data);
    QCOMPARE(chart.boxCount(), 1);
    QCOMPARE(chart.boxLabel(0), QStringLiteral("Body Mass (g)"));
    QCOMPARE(chart.xAxis->ticker().dynamicCast<QCPAxisTickerText>()->ticks().value(0.0), QStringLiteral("Body Mass (g)"));
    QCOMPARE(chart.xAxis->label(), QString());
  }

  void truncatedOutliersAreSaidInTheTooltip() {
    BoxPlotData data;
    data.column = "delay";
    BoxStats stats{"", 1'000'000, 0.0, 5.0, 20.0, -30.0, 50.0, -90.0, 1500.0, {}, 80'000};
    for (std::size_t i = 0; i < BoxStats::kMaxOutliers; ++i) stats.outliers.push_back(60.0 + static_cast<double>(i) * 2.8);
    data.boxes.push_back(stats);
    BoxPlotChart chart;
    chart.resize(600, 400);
    chart.setData(data);
    chart.replot();
    const QString tip = chart.toolTipAt(pixelOf(chart, 0.0, 5.0));
    QVERIFY2(tip.contains(QStringLiteral("n = 1,000,000")), qPrintable(tip));
    QVERIFY2(tip.contains(QStringLiteral("Outliers: 80,000 (the 500 most extreme shown)")), qPrintable(tip));
  }

  void dragAndWheelMoveTheValuesOnly() {
    BoxPlotChart chart;
    chart.resize(800, 500);
    chart.setData(penguinsBodyMassBySpecies());
    chart.replot();
    QVERIFY(chart.interactions().testFlag(QCP::iRangeDrag));
    QVERIFY(chart.interactions().testFlag(QCP::iRangeZoom));
    QCOMPARE(chart.axisRect()->rangeZoom(), Qt::Orientations(Qt::Vertical));
    const QCPRange keys = chart.xAxis->range();
    const QCPRange values = chart.yAxis->range();
    wheelInAtCentre(chart);
    QVERIFY(chart.yAxis->range().size() < values.size());  // zoomed into the values
    QCOMPARE(chart.xAxis->range().lower, keys.lower);       // the levels stay put
    QCOMPARE(chart.xAxis->range().upper, keys.upper);
  }

  void manyLongGroupsRotateTheirLabels() {
    BoxPlotData data;
    data.column = "price";
    data.groupColumn = "neighbourhood";
    for (int i = 0; i < static_cast<int>(BoxPlotData::kMaxGroups); ++i)
      data.boxes.push_back({"A very long neighbourhood name " + std::to_string(i), 10, 1, 2, 3, 0, 4, 0, 4, {}, 0});
    BoxPlotChart chart;
    chart.setData(data);
    QCOMPARE(chart.boxCount(), 30);
    QVERIFY(chart.xAxis->tickLabelRotation() != 0);
    // Labels are elided on the axis; the full name stays in boxLabel (and the tooltip).
    QCOMPARE(chart.boxLabel(29), QStringLiteral("A very long neighbourhood name 29"));
    QVERIFY(chart.xAxis->ticker().dynamicCast<QCPAxisTickerText>()->ticks().value(29.0).endsWith(QChar(0x2026)));
  }

  void emptyAndClearShowWhatToDo() {
    BoxPlotChart chart;
    chart.resize(400, 300);
    QVERIFY(!chart.emptyStateText().isEmpty());
    QCOMPARE(chart.boxCount(), 0);
    QVERIFY(chart.toolTipAt(QPointF(200, 150)).isEmpty());
    chart.replot();

    BoxPlotData none;
    none.column = "Body Mass (g)";
    none.groupColumn = "Species";
    chart.setData(none);  // every group without a present value
    QCOMPARE(chart.boxCount(), 0);
    QVERIFY(chart.emptyStateText().contains(QStringLiteral("Body Mass (g)")));
    chart.replot();

    chart.setData(penguinsBodyMassBySpecies());
    QCOMPARE(chart.boxCount(), 3);
    QVERIFY(chart.emptyStateText().isEmpty());
    QVERIFY(chart.xAxis->visible());
    chart.clear();
    QCOMPARE(chart.boxCount(), 0);
    QCOMPARE(chart.boxLabel(0), QString());
    QVERIFY(!chart.emptyStateText().isEmpty());
    QVERIFY(!chart.xAxis->visible());
    chart.replot();
    chart.clear();  // twice is fine
    chart.replot();
  }

  void brokenNumbersDoNotCrash() {
    const double nan = std::numeric_limits<double>::quiet_NaN();
    const double inf = std::numeric_limits<double>::infinity();
    BoxPlotData data;
    data.column = "x";
    data.groupColumn = "g";
    data.boxes.push_back({"nan", 3, nan, nan, nan, nan, nan, nan, nan, {nan}, 1});
    data.boxes.push_back({"", 0, 3.0, 2.0, 1.0, 5.0, -5.0, 0.0, 0.0, {inf, -inf, nan, 7.0}, 2});  // q1 > q3
    data.boxes.push_back({"constant", 5, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, {}, 0});
    BoxPlotChart chart;
    chart.resize(500, 300);
    chart.setData(data);
    chart.replot();
    QCOMPARE(chart.boxCount(), 2);                     // the NaN box is labelled but not drawn
    QCOMPARE(chart.boxLabel(0), QStringLiteral("nan"));
    QCOMPARE(chart.boxLabel(1), QStringLiteral("(empty)"));
    QVERIFY(std::isfinite(chart.yAxis->range().lower) && std::isfinite(chart.yAxis->range().upper));
    QVERIFY(chart.yAxis->range().size() > 0);
    QVERIFY(chart.toolTipAt(pixelOf(chart, 0.0, 1.0)).isEmpty());
    QVERIFY(!chart.toolTipAt(pixelOf(chart, 2.0, 1.0)).isEmpty());
    QVERIFY(!chart.toPixmap(500, 300).isNull());
  }

  void exportsToEachFormat_data() { addExportFormats(); }
  void exportsToEachFormat() {
    QFETCH(QString, suffix);
    BoxPlotChart chart;
    chart.resize(640, 400);
    chart.setData(penguinsBodyMassBySpecies());
    verifyExport(chart, QStringLiteral("body-mass.") + suffix);
  }
};

QTEST_MAIN(tst_BoxPlotChart)
#include "tst_BoxPlotChart.moc"
