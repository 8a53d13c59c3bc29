// The ROC chart on real predictions: breast_cancer.csv with single features as scores (the
// curves and AUCs the engine computes, checked against scikit-learn), and a small hand-written
// set of probabilities for dragging the threshold marker along the first curve.
#include <QSignalSpy>
#include <QToolTip>
#include <QtTest>
#include <cmath>
#include <map>

#include "ChartTestSupport.h"
#include "engine/eval/Curves.h"
#include "widgets/charts/ChartStyle.h"
#include "widgets/charts/RocCurveChart.h"

using lathe::eval::RocCurve;
using lathe::widgets::RocCurveChart;
using lathe::widgets::RunCurveSeries;

namespace {

RunCurveSeries rocSeries(const QString& name, const RocCurve& roc) {
  RunCurveSeries series;
  series.name = name;
  series.curve.kind = "roc";
  series.curve.split = "test";
  series.curve.x = roc.fpr;
  series.curve.y = roc.tpr;
  series.curve.thresholds = roc.thresholds;
  series.area = roc.area();
  return series;
}

// A small model's probabilities on 20 rows: 10 positives first, then 10 negatives.
const std::vector<double> kTruth = {1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
const std::vector<double> kScores = {0.95, 0.91, 0.88, 0.80, 0.74, 0.62, 0.55, 0.47, 0.33, 0.21,
                                     0.83, 0.66, 0.58, 0.42, 0.37, 0.30, 0.22, 0.15, 0.09, 0.04};

QPoint pixelOf(const RocCurveChart& chart, double x, double y) {
  return QPoint(qRound(chart.xAxis->coordToPixel(x)), qRound(chart.yAxis->coordToPixel(y)));
}

QString twoDecimals(double value) { return QLocale().toString(value, 'f', 2); }

}  // namespace

class tst_RocCurveChart : public QObject {
  Q_OBJECT

 private slots:
  void initTestCase() {
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    data_ = readBreastCancer();
    QCOMPARE(data_.malignant.size(), std::size_t(569));
  }

  void curvesAreTheEnginesWithTheirAucs() {
    const QStringList features = {QStringLiteral("mean radius"), QStringLiteral("worst concave points"),
                                  QStringLiteral("mean texture")};
    std::vector<RocCurve> rocs;
    std::vector<RunCurveSeries> series;
    for (const QString& feature : features) {
      rocs.push_back(RocCurve::of(data_.malignant, data_.features.at(feature)));
      series.push_back(rocSeries(feature, rocs.back()));
    }
    // scikit-learn's roc_auc_score on the same columns.
    QVERIFY(std::abs(rocs[0].area() - 0.9375165160403784) < 1e-12);
    QVERIFY(std::abs(rocs[1].area() - 0.9667036625971144) < 1e-12);
    QVERIFY(std::abs(rocs[2].area() - 0.7758244807356903) < 1e-12);

    RocCurveChart chart;
    QCOMPARE(chart.objectName(), QStringLiteral("rocCurveChart"));
    chart.setCurves(series);
    QVERIFY(chart.emptyStateText().isEmpty());
    QCOMPARE(chart.curveCount(), 3);
    QCOMPARE(chart.plottableCount(), 3);
    QCOMPARE(chart.legend->itemCount(), 3);
    QVERIFY(chart.legend->visible());
    for (int c = 0; c < 3; ++c) {
      const RocCurve& roc = rocs[std::size_t(c)];
      auto* curve = qobject_cast<QCPCurve*>(chart.plottable(c));
      QVERIFY(curve);
      QCOMPARE(curve->objectName(), QStringLiteral("runCurve_%1").arg(c));
      QCOMPARE(curve->dataCount(), int(roc.fpr.size()));
      for (int i = 0; i < curve->dataCount(); ++i) {
        QCOMPARE(curve->data()->at(i)->key, roc.fpr[std::size_t(i)]);
        QCOMPARE(curve->data()->at(i)->value, roc.tpr[std::size_t(i)]);
      }
      QCOMPARE(curve->pen().color(), lathe::widgets::ChartStyle::seriesColor(c));
      QCOMPARE(chart.curveName(c), features[c]);
      QCOMPARE(chart.curveArea(c), roc.area());
      const QString expected = features[c] + QStringLiteral(" (AUC %1)").arg(QString::number(roc.area(), 'f', 3));
      QCOMPARE(chart.legendText(c), expected);
      QCOMPARE(curve->name(), expected);
      auto* item = qobject_cast<QCPPlottableLegendItem*>(chart.legend->item(c));
      QVERIFY(item && item->plottable() == curve);
    }
    QCOMPARE(chart.legendText(0), QStringLiteral("mean radius (AUC 0.938)"));
    QCOMPARE(chart.legendText(1), QStringLiteral("worst concave points (AUC 0.967)"));
    QVERIFY(chart.legendText(3).isEmpty());
    QVERIFY(std::isnan(chart.curveArea(-1)));

    // The chance diagonal, dashed, from (0, 0) to (1, 1).
    auto* chance = chart.findChild<QCPItemLine*>(QStringLiteral("chanceLine"));
    QVERIFY(chance);
    QCOMPARE(chance->pen().style(), Qt::DashLine);
    QCOMPARE(chance->start->coords(), QPointF(0, 0));
    QCOMPARE(chance->end->coords(), QPointF(1, 1));
    QCOMPARE(chart.xAxis->label(), QStringLiteral("False positive rate"));
    QCOMPARE(chart.yAxis->label(), QStringLiteral("True positive rate"));

    // An area the engine could not give: the name alone.
    series[1].area = std::nan("");
    chart.setCurves(series);
    QCOMPARE(chart.legendText(1), QStringLiteral("worst concave points"));
  }

  void markerStartsNearHalfAndReadsInTheCorner() {
    const RocCurve roc = RocCurve::of(kTruth, kScores);
    RocCurveChart chart;
    QSignalSpy spy(&chart, &RocCurveChart::thresholdChanged);
    chart.setCurves({rocSeries(QStringLiteral("logistic"), roc)});
    QVERIFY(chart.hasMarker());
    // The engine's threshold nearest 0.5.
    std::size_t nearest = 0;
    for (std::size_t i = 0; i < roc.thresholds.size(); ++i)
      if (std::abs(roc.thresholds[i] - 0.5) < std::abs(roc.thresholds[nearest] - 0.5)) nearest = i;
    QCOMPARE(chart.threshold(), roc.thresholds[nearest]);
    QCOMPARE(chart.markerPoint(), QPointF(roc.fpr[nearest], roc.tpr[nearest]));
    QCOMPARE(spy.count(), 1);
    QCOMPARE(spy.last().at(0).toDouble(), roc.thresholds[nearest]);
    const QString text = QStringLiteral("threshold %1 · TPR %2 · FPR %3")
                             .arg(QString::number(roc.thresholds[nearest], 'g', 3), twoDecimals(roc.tpr[nearest]),
                                  twoDecimals(roc.fpr[nearest]));
    QCOMPARE(chart.markerText(), text);
    auto* label = chart.findChild<QCPItemText*>(QStringLiteral("thresholdLabel"));
    QVERIFY(label);
    QCOMPARE(label->text(), text);
    auto* marker = chart.findChild<QCPItemTracer*>(QStringLiteral("thresholdMarker"));
    QVERIFY(marker);
    QCOMPARE(marker->position->coords(), chart.markerPoint());

    // setThreshold snaps to the nearest of the curve's thresholds.
    chart.setThreshold(0.9);
    std::size_t near09 = 0;
    for (std::size_t i = 0; i < roc.thresholds.size(); ++i)
      if (std::abs(roc.thresholds[i] - 0.9) < std::abs(roc.thresholds[near09] - 0.9)) near09 = i;
    QVERIFY(near09 != nearest);
    QCOMPARE(chart.threshold(), roc.thresholds[near09]);
    QCOMPARE(spy.count(), 2);
    chart.setThreshold(roc.thresholds[near09] + 1e-9);  // the same point: no signal
    QCOMPARE(spy.count(), 2);

    // New curves with the same first run keep the threshold.
    const RocCurve other = RocCurve::of(data_.malignant, data_.features.at(QStringLiteral("mean radius")));
    chart.setCurves({rocSeries(QStringLiteral("logistic"), roc), rocSeries(QStringLiteral("mean radius"), other)});
    QCOMPARE(chart.threshold(), roc.thresholds[near09]);
    QCOMPARE(spy.count(), 2);
  }

  void draggingMovesTheMarkerAlongTheFirstCurve() {
    const RocCurve roc = RocCurve::of(kTruth, kScores);
    const RocCurve second = RocCurve::of(data_.malignant, data_.features.at(QStringLiteral("worst concave points")));
    RocCurveChart chart;
    chart.resize(600, 500);
    chart.show();
    QVERIFY(QTest::qWaitForWindowExposed(&chart));
    chart.setCurves({rocSeries(QStringLiteral("logistic"), roc), rocSeries(QStringLiteral("concave"), second)});
    chart.replot();
    QSignalSpy spy(&chart, &RocCurveChart::thresholdChanged);
    const std::size_t start = std::size_t(std::find(roc.thresholds.begin(), roc.thresholds.end(), chart.threshold()) -
                                          roc.thresholds.begin());
    QVERIFY(start < roc.thresholds.size());
    // Two other points of the first curve, on either side of the marker.
    const std::size_t lower = start + 2 < roc.fpr.size() ? start + 2 : start - 2;
    const std::size_t upper = start >= 2 ? start - 2 : start + 1;
    QVERIFY(lower != start && upper != start && lower != upper);

    const QPoint from = pixelOf(chart, roc.fpr[start], roc.tpr[start]);
    QTest::mousePress(&chart, Qt::LeftButton, Qt::NoModifier, from);
    QCOMPARE(spy.count(), 0);  // grabbed where it was: no change yet
    QTest::mouseMove(&chart, pixelOf(chart, roc.fpr[lower], roc.tpr[lower]));
    QCOMPARE(chart.threshold(), roc.thresholds[lower]);
    QCOMPARE(spy.count(), 1);
    QCOMPARE(spy.last().at(0).toDouble(), roc.thresholds[lower]);
    // Off the curve, it takes the nearest point: a little beside `upper` still snaps there.
    QTest::mouseMove(&chart, pixelOf(chart, roc.fpr[upper], roc.tpr[upper]) + QPoint(7, -5));
    QTest::mouseRelease(&chart, Qt::LeftButton, Qt::NoModifier, pixelOf(chart, roc.fpr[upper], roc.tpr[upper]) + QPoint(7, -5));
    QCOMPARE(chart.threshold(), roc.thresholds[upper]);
    QCOMPARE(spy.count(), 2);
    QCOMPARE(spy.last().at(0).toDouble(), roc.thresholds[upper]);
    QCOMPARE(chart.markerPoint(), QPointF(roc.fpr[upper], roc.tpr[upper]));
    QVERIFY(chart.markerText().startsWith(QStringLiteral("threshold ") + QString::number(roc.thresholds[upper], 'g', 3)));

    // A press at another point of the first curve takes the marker there at once.
    QTest::mousePress(&chart, Qt::LeftButton, Qt::NoModifier, pixelOf(chart, roc.fpr[lower], roc.tpr[lower]));
    QTest::mouseRelease(&chart, Qt::LeftButton, Qt::NoModifier, pixelOf(chart, roc.fpr[lower], roc.tpr[lower]));
    QCOMPARE(chart.threshold(), roc.thresholds[lower]);
    QCOMPARE(spy.count(), 3);

    // After the release, moving the mouse moves nothing; a press far from the first curve neither.
    QTest::mouseMove(&chart, pixelOf(chart, roc.fpr[upper], roc.tpr[upper]));
    QCOMPARE(chart.threshold(), roc.thresholds[lower]);
    QTest::mousePress(&chart, Qt::LeftButton, Qt::NoModifier, pixelOf(chart, 0.95, 0.05));
    QTest::mouseMove(&chart, pixelOf(chart, roc.fpr[upper], roc.tpr[upper]));
    QTest::mouseRelease(&chart, Qt::LeftButton, Qt::NoModifier, pixelOf(chart, roc.fpr[upper], roc.tpr[upper]));
    QCOMPARE(chart.threshold(), roc.thresholds[lower]);
    QCOMPARE(spy.count(), 3);
  }

  void firstCurveWithoutThresholdsHasNoMarker() {
    RunCurveSeries series = rocSeries(QStringLiteral("stored without thresholds"), RocCurve::of(kTruth, kScores));
    series.curve.thresholds.clear();
    RocCurveChart chart;
    chart.resize(400, 300);
    chart.show();
    QVERIFY(QTest::qWaitForWindowExposed(&chart));
    QSignalSpy spy(&chart, &RocCurveChart::thresholdChanged);
    const RocCurve second = RocCurve::of(data_.malignant, data_.features.at(QStringLiteral("mean texture")));
    chart.setCurves({series, rocSeries(QStringLiteral("second"), second)});
    QCOMPARE(chart.curveCount(), 2);
    QVERIFY(!chart.hasMarker());
    QVERIFY(std::isnan(chart.threshold()));
    QVERIFY(chart.markerText().isEmpty());
    QVERIFY(!chart.findChild<QCPItemTracer*>(QStringLiteral("thresholdMarker")));
    chart.setThreshold(0.5);
    const QPoint onCurve = pixelOf(chart, series.curve.x[2], series.curve.y[2]);
    QTest::mousePress(&chart, Qt::LeftButton, Qt::NoModifier, onCurve);
    QTest::mouseRelease(&chart, Qt::LeftButton, Qt::NoModifier, onCurve);
    QVERIFY(std::isnan(chart.threshold()));
    QCOMPARE(spy.count(), 0);
    // Its points still tell their rates.
    QCOMPARE(chart.toolTipAt(onCurve), QStringLiteral("stored without thresholds\nTPR %1 · FPR %2")
                                           .arg(twoDecimals(series.curve.y[2]), twoDecimals(series.curve.x[2])));
  }

  void toolTipNamesTheRunAndThePoint() {
    const RocCurve roc = RocCurve::of(data_.malignant, data_.features.at(QStringLiteral("mean radius")));
    RocCurveChart chart;
    chart.resize(500, 400);
    chart.show();
    QVERIFY(QTest::qWaitForWindowExposed(&chart));
    chart.setCurves({rocSeries(QStringLiteral("mean radius"), roc)});
    chart.replot();
    const std::size_t i = roc.fpr.size() / 2;
    const QPoint over = pixelOf(chart, roc.fpr[i], roc.tpr[i]);
    const QString tip = chart.toolTipAt(over);
    QVERIFY2(tip.startsWith(QStringLiteral("mean radius\nthreshold ")), qPrintable(tip));
    QVERIFY2(tip.contains(QStringLiteral(" · TPR ")), qPrintable(tip));
    QVERIFY(chart.toolTipAt(pixelOf(chart, 0.9, 0.1)).isEmpty());  // far from the curve
    QVERIFY(chart.toolTipAt(QPoint(1, 1)).isEmpty());              // outside the plot
    QHelpEvent help(QEvent::ToolTip, over, chart.mapToGlobal(over));
    QApplication::sendEvent(&chart, &help);
    QTRY_COMPARE(QToolTip::text(), tip);
  }

  void emptyStates() {
    RocCurveChart chart;
    QCOMPARE(chart.emptyStateText(), QStringLiteral("Select one or more classification runs to compare their ROC curves."));
    QCOMPARE(chart.curveCount(), 0);
    chart.setCurves({});
    QCOMPARE(chart.emptyStateText(), QStringLiteral("The selected runs have no ROC curve."));
    RunCurveSeries empty;
    empty.name = QStringLiteral("cancelled run");
    chart.setCurves({empty});
    QCOMPARE(chart.curveCount(), 0);
    QCOMPARE(chart.plottableCount(), 0);
    QCOMPARE(chart.emptyStateText(), QStringLiteral("The selected runs have no ROC curve."));
    // An empty curve beside a real one is left out; the real one is the first.
    chart.setCurves({empty, rocSeries(QStringLiteral("logistic"), RocCurve::of(kTruth, kScores))});
    QCOMPARE(chart.curveCount(), 1);
    QCOMPARE(chart.curveName(0), QStringLiteral("logistic"));
    QVERIFY(chart.hasMarker());
    QVERIFY(chart.emptyStateText().isEmpty());
    QSignalSpy spy(&chart, &RocCurveChart::thresholdChanged);
    chart.clear();
    QCOMPARE(spy.count(), 1);
    QVERIFY(std::isnan(spy.last().at(0).toDouble()));
    QCOMPARE(chart.plottableCount(), 0);
    QVERIFY(!chart.legend->visible());
    QVERIFY(chart.toolTipAt(QPoint(chart.width() / 2, chart.height() / 2)).isEmpty());
    QCOMPARE(chart.emptyStateText(), QStringLiteral("Select one or more classification runs to compare their ROC curves."));
  }

  void exports_data() { addExportFormats(); }
  void exports() {
    QFETCH(QString, suffix);
    RocCurveChart chart;
    chart.resize(500, 400);
    chart.setCurves({rocSeries(QStringLiteral("logistic"), RocCurve::of(kTruth, kScores)),
                     rocSeries(QStringLiteral("mean radius"),
                               RocCurve::of(data_.malignant, data_.features.at(QStringLiteral("mean radius"))))});
    verifyExport(chart, QStringLiteral("roc.") + suffix);
    if (qEnvironmentVariableIsSet("LATHE_SAVE_CHART") && suffix == QStringLiteral("png"))
      chart.grab().save(QStringLiteral("/tmp/roc-chart.png"));
  }

 private:
  BreastCancer data_;
};

QTEST_MAIN(tst_RocCurveChart)
#include "tst_RocCurveChart.moc"
