// The business-value chart on real data: two one-feature "models" of breast_cancer.csv (a
// logistic squash of worst concave points and of mean radius, so the scores are probabilities),
// stored as a run stores them (RunRecord) and turned into curves by the engine under a screening
// cost matrix (a missed cancer costs 10, a needless biopsy 1). What is drawn must be those curves.
#include <QSignalSpy>
#include <QToolTip>
#include <QtTest>
#include <cmath>

#include "ChartTestSupport.h"
#include "SigmoidRun.h"
#include "engine/experiments/BusinessValueCurve.h"
#include "engine/experiments/RunRecord.h"
#include "widgets/charts/BusinessValueChart.h"
#include "widgets/charts/ChartStyle.h"

using lathe::experiments::BusinessValueCurve;
using lathe::widgets::BusinessValueChart;
using lathe::widgets::BusinessValueSeries;

namespace {

lathe::store::CostMatrix screening() {
  lathe::store::CostMatrix costs;
  costs.falsePositive = -1.0;
  costs.falseNegative = -10.0;
  return costs;
}

QString valueText(double v) { return QLocale().toString(v, 'g', 3); }

}  // namespace

class tst_BusinessValueChart : public QObject {
  Q_OBJECT

 private slots:
  void initTestCase() {
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    const BreastCancer data = readBreastCancer();
    QCOMPARE(data.malignant.size(), std::size_t(569));
    concave_ = sigmoidRun(data, QStringLiteral("worst concave points"), 0.14, 0.03);
    radius_ = sigmoidRun(data, QStringLiteral("mean radius"), 15.0, 2.0);
  }

  void graphDataAreTheCurves() {
    const auto series = seriesFor({"f1", true, 0.7});
    BusinessValueChart chart;
    QCOMPARE(chart.objectName(), QStringLiteral("businessValueChart"));
    chart.setCostMatrix(screening());
    chart.setKpi({"f1", true, 0.7});
    chart.setCurves(series);
    QVERIFY(chart.emptyStateText().isEmpty());
    QCOMPARE(chart.curveCount(), 2);
    QCOMPARE(chart.legend->itemCount(), 2);
    for (int c = 0; c < 2; ++c) {
      const auto& curve = series[std::size_t(c)].curve;
      auto* graph = chart.findChild<QCPGraph*>(QStringLiteral("valueCurve_%1").arg(c));
      QVERIFY(graph);
      QCOMPARE(graph->dataCount(), int(curve.points.size()));
      for (int i = 0; i < graph->dataCount(); ++i) {
        const auto& p = curve.points[std::size_t(i)];
        // Probabilities: "flag no one" (highest score + 1) is drawn at 1, where it also holds.
        QCOMPARE(graph->data()->at(i)->key, i + 1 == graph->dataCount() ? 1.0 : p.threshold);
        QCOMPARE(graph->data()->at(i)->value, p.expectedValue);
      }
      QVERIFY(curve.points.back().threshold > 1.0);
      QCOMPARE(graph->pen().color(), lathe::widgets::ChartStyle::seriesColor(c));
      QCOMPARE(chart.bestThreshold(c), curve.bestPoint().threshold);
      QCOMPARE(chart.bestValue(c), curve.bestPoint().expectedValue);
      const QString legend = series[std::size_t(c)].name +
                             QStringLiteral(" (best %1 per row)").arg(valueText(curve.bestPoint().expectedValue));
      QCOMPARE(chart.legendText(c), legend);
      QCOMPARE(graph->name(), legend);
    }
    // Flagging everyone costs every benign row 1 (357 of 569), no one every malignant row 10.
    QCOMPARE(series[0].curve.points.front().expectedValue, -357.0 / 569.0);
    QCOMPARE(series[0].curve.points.back().expectedValue, -2120.0 / 569.0);
    QVERIFY(std::isnan(chart.bestThreshold(2)));
    QVERIFY(chart.legendText(-1).isEmpty());

    auto* zero = chart.findChild<QCPItemStraightLine*>(QStringLiteral("zeroLine"));
    QVERIFY(zero);
    QCOMPARE(zero->point1->coords().y(), 0.0);
    QCOMPARE(zero->point2->coords().y(), 0.0);
    QCOMPARE(chart.xAxis->label(), QStringLiteral("Threshold"));
    QCOMPARE(chart.yAxis->label(), QStringLiteral("Expected value per row"));
    QVERIFY(chart.xAxis->range().lower < 0 && chart.xAxis->range().upper > 1 && chart.xAxis->range().upper < 1.1);
    QVERIFY(chart.yAxis->range().contains(series[0].curve.points.back().expectedValue));
  }

  void bestThresholdIsMarkedAndLabelled() {
    const auto series = seriesFor({});
    BusinessValueChart chart;
    chart.setCostMatrix(screening());
    chart.setCurves(series);
    for (int c = 0; c < 2; ++c) {
      auto* line = chart.findChild<QCPItemStraightLine*>(QStringLiteral("bestLine_%1").arg(c));
      QVERIFY(line);
      QCOMPARE(line->pen().style(), Qt::DashLine);
      QCOMPARE(line->point1->coords().x(), series[std::size_t(c)].curve.bestPoint().threshold);
      QCOMPARE(line->point2->coords().x(), series[std::size_t(c)].curve.bestPoint().threshold);
    }
    const auto& best = series[0].curve.bestPoint();
    QVERIFY(best.threshold > 0 && best.threshold < 0.5);  // a missed cancer costs 10: flag early
    const QString text = QStringLiteral("best threshold %1 · %2 per row")
                             .arg(QString::number(best.threshold, 'g', 3), valueText(best.expectedValue));
    QCOMPARE(chart.bestText(), text);
    auto* label = chart.findChild<QCPItemText*>(QStringLiteral("bestLabel"));
    QVERIFY(label);
    QCOMPARE(label->text(), text);
    QCOMPARE(label->position->coords().x(), best.threshold);
  }

  void kpiCurveAndTargetOnTheRightAxis() {
    const auto series = seriesFor({"f1", true, 0.7});
    BusinessValueChart chart;
    chart.setCostMatrix(screening());
    chart.setKpi({"f1", true, 0.7});
    chart.setCurves(series);
    QVERIFY(chart.hasKpiLine());
    QVERIFY(chart.yAxis2->visible());
    auto* line = chart.findChild<QCPItemStraightLine*>(QStringLiteral("kpiTargetLine"));
    QVERIFY(line);
    QCOMPARE(line->point1->valueAxis(), chart.yAxis2);
    QCOMPARE(line->point1->coords().y(), 0.7);
    QCOMPARE(line->pen().style(), Qt::DashLine);
    auto* label = chart.findChild<QCPItemText*>(QStringLiteral("kpiTargetLabel"));
    QVERIFY(label);
    QCOMPARE(label->text(), QStringLiteral("KPI target f1 ≥ 0.70"));
    auto* kpi = chart.findChild<QCPGraph*>(QStringLiteral("kpiCurve_0"));
    QVERIFY(kpi);
    QCOMPARE(kpi->valueAxis(), chart.yAxis2);
    QCOMPARE(kpi->dataCount(), int(series[0].curve.points.size()));
    for (int i = 0; i < kpi->dataCount(); ++i) QCOMPARE(kpi->data()->at(i)->value, series[0].curve.points[std::size_t(i)].kpiValue);
    QVERIFY(!chart.findChild<QCPItemText*>(QStringLiteral("chartNote")));

    // A KPI that does not depend on the threshold: a note, no right axis, no line.
    chart.setKpi({"roc_auc", true, 0.9});
    chart.setCurves(seriesFor({"roc_auc", true, 0.9}));
    QVERIFY(!chart.hasKpiLine());
    QVERIFY(!chart.yAxis2->visible());
    QVERIFY(!chart.findChild<QCPGraph*>(QStringLiteral("kpiCurve_0")));
    auto* note = chart.findChild<QCPItemText*>(QStringLiteral("chartNote"));
    QVERIFY(note);
    QCOMPARE(note->text(), QStringLiteral("KPI roc_auc does not depend on the threshold"));
  }

  void markerStartsAtTheDefaultDecisionAndDrags() {
    const auto series = seriesFor({});
    const auto& points = series[0].curve.points;
    BusinessValueChart chart;
    chart.resize(600, 450);
    chart.show();
    QVERIFY(QTest::qWaitForWindowExposed(&chart));
    chart.setCostMatrix(screening());
    QSignalSpy spy(&chart, &BusinessValueChart::thresholdChanged);
    chart.setCurves(series);
    chart.replot();
    QVERIFY(chart.hasMarker());
    const std::size_t start = series[0].curve.atDefault;
    QCOMPARE(chart.threshold(), points[start].threshold);
    QCOMPARE(spy.count(), 1);
    QCOMPARE(chart.markerText(), QStringLiteral("threshold %1 · %2 per row")
                                     .arg(QString::number(points[start].threshold, 'g', 3), valueText(points[start].expectedValue)));
    QCOMPARE(chart.findChild<QCPItemText*>(QStringLiteral("thresholdLabel"))->text(), chart.markerText());

    const auto pixel = [&](std::size_t i) {
      return QPoint(qRound(chart.xAxis->coordToPixel(points[i].threshold)), qRound(chart.yAxis->coordToPixel(points[i].expectedValue)));
    };
    QTest::mousePress(&chart, Qt::LeftButton, Qt::NoModifier, pixel(start));
    QCOMPARE(spy.count(), 1);  // grabbed where it was
    const std::size_t target = series[0].curve.best;
    QTest::mouseMove(&chart, QPoint(pixel(target).x(), pixel(start).y()));  // along x: snaps by threshold
    QTest::mouseRelease(&chart, Qt::LeftButton, Qt::NoModifier, QPoint(pixel(target).x(), pixel(start).y()));
    // Thresholds a pixel apart are one to the mouse: the marker lands on the target's pixel.
    QVERIFY(std::abs(chart.xAxis->coordToPixel(chart.threshold()) - chart.xAxis->coordToPixel(points[target].threshold)) < 1.0);
    QVERIFY(chart.threshold() < 0.5);
    QCOMPARE(spy.count(), 2);

    chart.setThreshold(5.0);  // beyond every score: flag no one
    QCOMPARE(chart.threshold(), points.back().threshold);
    QVERIFY(chart.markerText().startsWith(QStringLiteral("flag no one · ")));
    QCOMPARE(spy.count(), 3);

    const QString tip = chart.toolTipAt(pixel(target));
    QVERIFY2(tip.startsWith(series[0].name + QStringLiteral("\nthreshold ")), qPrintable(tip));
    QVERIFY(chart.toolTipAt(QPoint(1, 1)).isEmpty());
  }

  void emptyStates() {
    BusinessValueChart chart;
    QCOMPARE(chart.emptyStateText(), QStringLiteral("Select a binary classification run to see what its decisions are worth."));
    QVERIFY(!chart.hasMarker());
    // The lead computes nullopt for a multiclass run and passes no series.
    chart.setCurves({});
    QCOMPARE(chart.emptyStateText(), QStringLiteral("The selected runs are not binary classifiers with a stored ROC curve."));
    QCOMPARE(chart.plottableCount(), 0);
    // No cost matrix: a sentence, not flat zeros.
    chart.setCostMatrix({});
    chart.setCurves(seriesFor({}));
    QCOMPARE(chart.emptyStateText(), QStringLiteral("Set the cost matrix in the project's goal to see the business value."));
    QCOMPARE(chart.plottableCount(), 0);
    QVERIFY(!chart.legend->visible());
    chart.setCostMatrix(screening());
    QVERIFY(chart.emptyStateText().isEmpty());
    QCOMPARE(chart.plottableCount(), 2);
    // A curve without points is left out; indices past the points of a hand-made one are clamped.
    BusinessValueSeries handMade{QStringLiteral("hand-made"), {}};
    handMade.curve.points = {{0.2, -0.5, -5.0}, {1.2, -0.1, -1.0}};
    handMade.curve.best = 99;
    handMade.curve.atDefault = 7;
    chart.clear();  // else the marker keeps the threshold nearest its last one
    chart.setCurves({BusinessValueSeries{QStringLiteral("cancelled"), {}}, handMade});
    QCOMPARE(chart.curveCount(), 1);
    QCOMPARE(chart.bestThreshold(0), 1.2);
    QCOMPARE(chart.threshold(), 1.2);
    QCOMPARE(chart.bestText(), QStringLiteral("best: flag no one · -0.1 per row"));
    QSignalSpy spy(&chart, &BusinessValueChart::thresholdChanged);
    chart.clear();
    QCOMPARE(spy.count(), 1);
    QCOMPARE(chart.plottableCount(), 0);
    QCOMPARE(chart.curveCount(), 0);
    QCOMPARE(chart.emptyStateText(), QStringLiteral("Select a binary classification run to see what its decisions are worth."));
  }

  void exports_data() { addExportFormats(); }
  void exports() {
    QFETCH(QString, suffix);
    BusinessValueChart chart;
    chart.resize(600, 420);
    chart.setCostMatrix(screening());
    chart.setKpi({"f1", true, 0.7});
    chart.setCurves(seriesFor({"f1", true, 0.7}));
    verifyExport(chart, QStringLiteral("business-value.") + suffix);
    if (qEnvironmentVariableIsSet("LATHE_SAVE_CHART") && suffix == QStringLiteral("png"))
      chart.grab().save(QStringLiteral("/tmp/business-value-chart.png"));
  }

 private:
  std::vector<BusinessValueSeries> seriesFor(const lathe::store::Kpi& kpi) const {
    return {{QStringLiteral("worst concave points"), *BusinessValueCurve::of(concave_, screening(), kpi)},
            {QStringLiteral("mean radius"), *BusinessValueCurve::of(radius_, screening(), kpi)}};
  }

  lathe::store::ExperimentRun concave_;
  lathe::store::ExperimentRun radius_;
};

QTEST_MAIN(tst_BusinessValueChart)
#include "tst_BusinessValueChart.moc"
