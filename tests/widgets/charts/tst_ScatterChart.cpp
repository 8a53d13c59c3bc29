#include <QAction>
#include <QApplication>
#include <QContextMenuEvent>
#include <QElapsedTimer>
#include <QMenu>
#include <QSignalSpy>
#include <QTimer>
#include <QtTest>
#include <algorithm>
#include <cmath>
#include <limits>
#include <random>

#include <qcustomplot.h>

#include "ChartTestSupport.h"
#include "widgets/charts/ChartStyle.h"
#include "widgets/charts/ScatterChart.h"

using lathe::explore::ScatterSample;
using lathe::widgets::ScatterChart;

namespace {

// Flipper length against body mass of every penguin in penguins.csv with both, coloured by sex
// (levels by frequency as the engine orders them: MALE 168, FEMALE 165, "." 1; 8 without a sex).
ScatterSample penguins() {
  ScatterSample sample;
  sample.xColumn = "Flipper Length (mm)";
  sample.yColumn = "Body Mass (g)";
  sample.colorColumn = "Sex";
  sample.categoryNames = {"MALE", "FEMALE", "."};
  for (const Penguin& penguin : penguinsWithFlipperAndMass()) {
    sample.x.push_back(penguin.flipperLength);
    sample.y.push_back(penguin.bodyMass);
    const auto level = std::find(sample.categoryNames.begin(), sample.categoryNames.end(), penguin.sex);
    sample.category.push_back(level == sample.categoryNames.end() ? -1
                                                                  : static_cast<std::int32_t>(level - sample.categoryNames.begin()));
  }
  sample.totalPoints = sample.x.size();
  return sample;
}

// A million correlated Gaussian rows: the first 20,000 as the sample (the rows are independent,
// so that is a random sample), and the density grid counting all of them.
ScatterSample millionRows() {
  constexpr std::size_t kRows = 1'000'000;
  constexpr std::size_t kGrid = ScatterSample::kGridSize;
  std::mt19937_64 random(7);
  std::normal_distribution<double> normal;
  std::vector<double> xs(kRows), ys(kRows);
  for (std::size_t i = 0; i < kRows; ++i) {
    xs[i] = normal(random);
    ys[i] = 0.8 * xs[i] + 0.6 * normal(random);
  }
  ScatterSample sample;
  sample.xColumn = "x";
  sample.yColumn = "y";
  sample.totalPoints = kRows;
  sample.x.assign(xs.begin(), xs.begin() + 20'000);
  sample.y.assign(ys.begin(), ys.begin() + 20'000);
  sample.xMin = *std::min_element(xs.begin(), xs.end());
  sample.xMax = *std::max_element(xs.begin(), xs.end());
  sample.yMin = *std::min_element(ys.begin(), ys.end());
  sample.yMax = *std::max_element(ys.begin(), ys.end());
  sample.density.assign(kGrid * kGrid, 0);
  for (std::size_t r = 0; r < kRows; ++r) {
    const auto i = std::min(kGrid - 1, static_cast<std::size_t>((xs[r] - sample.xMin) / (sample.xMax - sample.xMin) * kGrid));
    const auto j = std::min(kGrid - 1, static_cast<std::size_t>((ys[r] - sample.yMin) / (sample.yMax - sample.yMin) * kGrid));
    ++sample.density[j * kGrid + i];
  }
  return sample;
}

QCPColorMap* densityMap(ScatterChart& chart) { return chart.findChild<QCPColorMap*>(); }

}  // namespace

class tst_ScatterChart : public QObject {
  Q_OBJECT

  ScatterSample million_;

 private slots:
  void initTestCase() {
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    million_ = millionRows();
  }

  void drawsOneSeriesPerLevelWithALegend() {
    const ScatterSample sample = penguins();
    QCOMPARE(sample.x.size(), std::size_t(342));  // pandas: 342 rows have both values
    ScatterChart chart;
    chart.resize(800, 500);
    chart.setData(sample);
    chart.replot();
    QCOMPARE(chart.objectName(), QStringLiteral("scatterChart"));
    QCOMPARE(chart.pointCount(), 342);
    QCOMPARE(chart.seriesCount(), 4);  // MALE, FEMALE, ".", and the 8 without a sex
    QCOMPARE(chart.graph(0)->dataCount(), 168);
    QCOMPARE(chart.graph(1)->dataCount(), 165);
    QCOMPARE(chart.graph(2)->dataCount(), 1);
    QCOMPARE(chart.graph(3)->dataCount(), 8);
    QCOMPARE(chart.graph(0)->name(), QStringLiteral("MALE"));
    QCOMPARE(chart.graph(3)->name(), QStringLiteral("(missing)"));
    QCOMPARE(chart.graph(0)->lineStyle(), QCPGraph::lsNone);
    QCOMPARE(chart.graph(1)->scatterStyle().pen().color(), lathe::widgets::ChartStyle::seriesColor(1));
    QVERIFY(chart.legend->visible());
    QCOMPARE(chart.legend->itemCount(), 4);
    QCOMPARE(chart.noteText(), QString());  // every row is drawn: no note
    QVERIFY(chart.emptyStateText().isEmpty());
    QCOMPARE(chart.xAxis->label(), QStringLiteral("Flipper Length (mm)"));
    QVERIFY(chart.xAxis->range().contains(172.0) && chart.xAxis->range().contains(231.0));
    QVERIFY(chart.yAxis->range().contains(2700.0) && chart.yAxis->range().contains(6300.0));
    // A few hundred points keep antialiasing.
    QVERIFY(!chart.notAntialiasedElements().testFlag(QCP::aeScatters));
    QVERIFY(!chart.densityAction()->isEnabled());  // no density grid given
  }

  void hoveringAPointShowsItsValues() {
    ScatterChart chart;
    chart.resize(800, 500);
    chart.setData(penguins());
    chart.replot();
    // The first penguin: 181 mm, 3750 g, MALE.
    const QPointF at(chart.xAxis->coordToPixel(181.0) + 1, chart.yAxis->coordToPixel(3750.0) - 1);
    const QString tip = chart.toolTipAt(at);
    QVERIFY2(tip.contains(QStringLiteral("Flipper Length (mm): 181")), qPrintable(tip));
    QVERIFY2(tip.contains(QStringLiteral("Body Mass (g): 3,750")), qPrintable(tip));
    QVERIFY2(tip.contains(QStringLiteral("Sex: ")), qPrintable(tip));
    QVERIFY(chart.toolTipAt(QPointF(chart.xAxis->coordToPixel(240.0), chart.yAxis->coordToPixel(2000.0))).isEmpty());
  }

  void aMillionRowSampleDrawsFastAndSaysSo() {
    ScatterChart chart;
    chart.resize(1000, 700);
    chart.show();
    QVERIFY(QTest::qWaitForWindowExposed(&chart));
    chart.setData(million_);
    QCOMPARE(chart.pointCount(), 20000);
    QCOMPARE(chart.seriesCount(), 1);
    QVERIFY(!chart.legend->visible());  // one colour needs no legend
    QCOMPARE(chart.noteText(), QStringLiteral("20,000 of 1,000,000 points shown"));
    QVERIFY(chart.notAntialiasedElements().testFlag(QCP::aeScatters));
    QVERIFY(chart.graph(0)->adaptiveSampling());
    QElapsedTimer timer;
    timer.start();
    for (int i = 0; i < 5; ++i) chart.replot(QCustomPlot::rpImmediateRefresh);
    const qint64 perReplot = timer.elapsed() / 5;
    qInfo("replot of 20,000 points: %lld ms", perReplot);
    QVERIFY2(perReplot < 2000, qPrintable(QString::number(perReplot)));
    // The axes cover every row, not just the sample.
    QVERIFY(chart.xAxis->range().contains(million_.xMin) && chart.xAxis->range().contains(million_.xMax));
  }

  void densityModeDrawsTheGridOfEveryRow() {
    ScatterChart chart;
    chart.resize(900, 600);
    chart.setData(million_);
    chart.replot();
    QVERIFY(chart.densityAction()->isEnabled());
    QVERIFY(!chart.densityMode());
    QSignalSpy changed(&chart, &ScatterChart::densityModeChanged);
    // The user zooms in, then switches: the view stays where it was.
    chart.xAxis->setRange(-1.0, 1.0);
    chart.setDensityMode(true);
    QVERIFY(chart.densityMode());
    QVERIFY(chart.densityAction()->isChecked());
    QCOMPARE(changed.count(), 1);
    QCOMPARE(chart.pointCount(), 0);
    QCOMPARE(chart.seriesCount(), 0);
    QCOMPARE(chart.xAxis->range().lower, -1.0);
    QCOMPARE(chart.xAxis->range().upper, 1.0);
    QCOMPARE(chart.noteText(), QStringLiteral("Density of all 1,000,000 points"));

    QCPColorMap* map = densityMap(chart);
    QVERIFY(map);
    QCOMPARE(map->data()->keySize(), int(ScatterSample::kGridSize));
    QCOMPARE(map->dataScaleType(), QCPAxis::stLogarithmic);
    QCOMPARE(map->dataRange().lower, 1.0);
    const std::uint32_t largest = *std::max_element(million_.density.begin(), million_.density.end());
    QCOMPARE(map->dataRange().upper, double(largest));
    // Cell (i, j) holds density[j * 128 + i]; an empty cell is NaN (transparent on log scale).
    constexpr int kGrid = int(ScatterSample::kGridSize);
    QCOMPARE(map->data()->cell(64, 64), double(million_.density[64 * kGrid + 64]));
    QCOMPARE(map->data()->cell(70, 60), double(million_.density[60 * kGrid + 70]));
    QVERIFY(million_.density[0] == 0 && std::isnan(map->data()->cell(0, 0)));
    QCOMPARE(map->gradient().nanHandling(), QCPColorGradient::nhTransparent);
    // The map covers exactly [xMin, xMax] x [yMin, yMax].
    QVERIFY(std::abs(map->data()->keyRange().lower - (million_.xMin + (million_.xMax - million_.xMin) / 256)) < 1e-9);
    QVERIFY(chart.findChild<QCPColorScale*>(QStringLiteral("densityScale")));
    chart.replot();

    // A cell's tooltip counts its rows.
    chart.xAxis->setRange(million_.xMin, million_.xMax);
    chart.yAxis->setRange(million_.yMin, million_.yMax);
    chart.replot();
    const double cellX = million_.xMin + (million_.xMax - million_.xMin) * (64.5 / kGrid);
    const double cellY = million_.yMin + (million_.yMax - million_.yMin) * (64.5 / kGrid);
    const QString tip = chart.toolTipAt(QPointF(chart.xAxis->coordToPixel(cellX), chart.yAxis->coordToPixel(cellY)));
    QVERIFY2(tip.startsWith(QStringLiteral("Rows: ") + QLocale().toString(million_.density[64 * kGrid + 64])),
             qPrintable(tip));

    // The action switches back; the colour scale goes with the map.
    chart.densityAction()->trigger();
    QVERIFY(!chart.densityMode());
    QCOMPARE(changed.count(), 2);
    QCOMPARE(chart.pointCount(), 20000);
    QVERIFY(!densityMap(chart));
    QVERIFY(!chart.findChild<QCPColorScale*>());
    QCOMPARE(chart.plotLayout()->columnCount(), 1);
    QCOMPARE(chart.noteText(), QStringLiteral("20,000 of 1,000,000 points shown"));

    // New data keeps the mode the user chose.
    chart.setDensityMode(true);
    chart.setData(million_);
    QVERIFY(densityMap(chart));
  }

  void theContextMenuOffersDensityAndExport() {
    ScatterChart chart;
    chart.resize(600, 400);
    chart.show();
    QVERIFY(QTest::qWaitForWindowExposed(&chart));
    chart.setData(million_);
    QStringList offered;
    QTimer::singleShot(0, &chart, [&offered] {
      auto* menu = qobject_cast<QMenu*>(QApplication::activePopupWidget());
      if (!menu) return;
      for (QAction* action : menu->actions())
        if (!action->isSeparator()) offered << action->text();
      menu->close();
    });
    QContextMenuEvent event(QContextMenuEvent::Mouse, QPoint(300, 200), chart.mapToGlobal(QPoint(300, 200)));
    QCoreApplication::sendEvent(&chart, &event);
    QCOMPARE(offered, (QStringList{QStringLiteral("Show Density"), QStringLiteral("Export Chart…")}));
  }

  void densityWithoutAGridFallsBackToPoints() {
    ScatterSample sample = penguins();
    sample.density.assign(99, 1);  // not a square grid: cannot be drawn
    ScatterChart chart;
    chart.setData(sample);
    QVERIFY(!chart.densityAction()->isEnabled());
    chart.setDensityMode(true);
    QVERIFY(chart.densityMode());
    QCOMPARE(chart.pointCount(), 342);
    QVERIFY(!densityMap(chart));
  }

  void wheelZoomsAndPlainDataHasNoNote() {
    ScatterChart chart;
    chart.resize(800, 500);
    chart.setData(penguins());
    chart.replot();
    const QCPRange before = chart.xAxis->range();
    wheelInAtCentre(chart);
    QVERIFY(chart.xAxis->range().size() < before.size());
  }

  void badSamplesDoNotCrash() {
    const double nan = std::numeric_limits<double>::quiet_NaN();
    const double inf = std::numeric_limits<double>::infinity();
    ScatterChart chart;
    chart.resize(500, 300);

    ScatterSample ragged;  // x and y of different lengths, NaN and inf, levels out of range
    ragged.xColumn = "a";
    ragged.yColumn = "b";
    ragged.colorColumn = "c";
    ragged.categoryNames = {"one", "two"};
    ragged.x = {1.0, 2.0, nan, 4.0, inf, 6.0, 7.0};
    ragged.y = {1.0, 2.0, 3.0, -inf, 5.0, 6.0};
    ragged.category = {0, 99, 1, 0, -7};  // shorter than x; 99 and -7 are no level
    ragged.totalPoints = 3;               // fewer than drawn: not "sampled"
    ragged.density = {1, 2, 3, 4};        // a 2 x 2 grid with reversed bounds
    ragged.xMin = 5.0;
    ragged.xMax = 1.0;
    chart.setData(ragged);
    QCOMPARE(chart.pointCount(), 3);   // (1,1), (2,2), (6,6)
    // Every level keeps its series (and legend entry, so colours read the same everywhere), even
    // "two" without a point here; points with no valid level go to "(missing)".
    QCOMPARE(chart.seriesCount(), 3);
    QCOMPARE(chart.graph(1)->dataCount(), 0);
    QCOMPARE(chart.graph(2)->dataCount(), 2);
    QCOMPARE(chart.noteText(), QString());
    chart.replot();
    chart.setDensityMode(true);
    chart.replot();
    QVERIFY(!chart.toPixmap(500, 300).isNull());
    chart.setDensityMode(false);

    ScatterSample constant;  // one value repeated: the axes still get a width
    constant.xColumn = "a";
    constant.yColumn = "b";
    constant.x.assign(1000, 3.0);
    constant.y.assign(1000, -2.0);
    constant.totalPoints = 1000;
    chart.setData(constant);
    QCOMPARE(chart.pointCount(), 1000);
    QVERIFY(chart.xAxis->range().size() > 0 && chart.yAxis->range().size() > 0);
    chart.replot();

    ScatterSample allNan;
    allNan.x = {nan, nan};
    allNan.y = {1.0, nan};
    allNan.totalPoints = 2;
    chart.setData(allNan);
    QCOMPARE(chart.pointCount(), 0);
    QVERIFY(!chart.emptyStateText().isEmpty());

    ScatterSample none;  // no row has both values
    none.xColumn = "Beak Length (mm)";
    none.yColumn = "Body Mass (g)";
    chart.setData(none);
    QCOMPARE(chart.pointCount(), 0);
    QVERIFY(chart.emptyStateText().contains(QStringLiteral("Beak Length (mm)")));
    QVERIFY(chart.toolTipAt(QPointF(250, 150)).isEmpty());
    chart.replot();

    chart.setData(million_);
    chart.clear();
    QCOMPARE(chart.pointCount(), 0);
    QCOMPARE(chart.noteText(), QString());
    QVERIFY(!chart.emptyStateText().isEmpty());
    QVERIFY(!chart.densityAction()->isEnabled());
    QVERIFY(!densityMap(chart));
    chart.replot();
  }

  void exportsToEachFormat_data() {
    QTest::addColumn<QString>("suffix");
    QTest::addColumn<bool>("density");
    QTest::newRow("png") << QStringLiteral("png") << false;
    QTest::newRow("svg") << QStringLiteral("svg") << false;
    QTest::newRow("pdf") << QStringLiteral("pdf") << false;
    QTest::newRow("png density") << QStringLiteral("png") << true;
  }
  void exportsToEachFormat() {
    QFETCH(QString, suffix);
    QFETCH(bool, density);
    ScatterChart chart;
    chart.resize(640, 400);
    chart.setData(million_);
    chart.setDensityMode(density);
    verifyExport(chart, QStringLiteral("scatter.") + suffix);
  }
};

QTEST_MAIN(tst_ScatterChart)
#include "tst_ScatterChart.moc"
