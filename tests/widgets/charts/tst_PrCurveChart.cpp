// The precision-recall chart on breast_cancer.csv with single features as scores: the curves and
// average precisions the engine computes (checked against scikit-learn), the legend, tooltips,
// empty states and an export.
#include <QToolTip>
#include <QtTest>
#include <cmath>
#include <map>

#include "ChartTestSupport.h"
#include "engine/eval/Curves.h"
#include "widgets/charts/ChartStyle.h"
#include "widgets/charts/PrCurveChart.h"

using lathe::eval::PrecisionRecallCurve;
using lathe::widgets::PrCurveChart;
using lathe::widgets::RunCurveSeries;

namespace {

RunCurveSeries prSeries(const QString& name, const PrecisionRecallCurve& pr) {
  RunCurveSeries series;
  series.name = name;
  series.curve.kind = "pr";
  series.curve.split = "test";
  series.curve.x = pr.recall;
  series.curve.y = pr.precision;
  series.curve.thresholds = pr.thresholds;
  series.area = pr.averagePrecision();
  return series;
}

}  // namespace

class tst_PrCurveChart : public QObject {
  Q_OBJECT

 private slots:
  void initTestCase() {
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    data_ = readBreastCancer();
    QCOMPARE(data_.malignant.size(), std::size_t(569));
  }

  void curvesAreTheEnginesWithTheirAveragePrecision() {
    const QStringList features = {QStringLiteral("mean radius"), QStringLiteral("worst concave points"),
                                  QStringLiteral("mean texture")};
    std::vector<PrecisionRecallCurve> prs;
    std::vector<RunCurveSeries> series;
    for (const QString& feature : features) {
      prs.push_back(PrecisionRecallCurve::of(data_.malignant, data_.features.at(feature)));
      series.push_back(prSeries(feature, prs.back()));
    }
    // scikit-learn's average_precision_score on the same columns.
    QVERIFY(std::abs(prs[0].averagePrecision() - 0.9229245946968343) < 1e-12);
    QVERIFY(std::abs(prs[1].averagePrecision() - 0.9573118477347361) < 1e-12);
    QVERIFY(std::abs(prs[2].averagePrecision() - 0.5970165323771017) < 1e-12);

    PrCurveChart chart;
    QCOMPARE(chart.objectName(), QStringLiteral("prCurveChart"));
    chart.setCurves(series);
    QVERIFY(chart.emptyStateText().isEmpty());
    QCOMPARE(chart.curveCount(), 3);
    QCOMPARE(chart.plottableCount(), 3);
    QCOMPARE(chart.legend->itemCount(), 3);
    for (int c = 0; c < 3; ++c) {
      const PrecisionRecallCurve& pr = prs[std::size_t(c)];
      auto* curve = qobject_cast<QCPCurve*>(chart.plottable(c));
      QVERIFY(curve);
      // Drawn in the engine's order (recall falling), x = recall, y = precision.
      QCOMPARE(curve->dataCount(), int(pr.recall.size()));
      for (int i = 0; i < curve->dataCount(); ++i) {
        QCOMPARE(curve->data()->at(i)->key, pr.recall[std::size_t(i)]);
        QCOMPARE(curve->data()->at(i)->value, pr.precision[std::size_t(i)]);
      }
      QCOMPARE(curve->pen().color(), lathe::widgets::ChartStyle::seriesColor(c));
      const QString expected =
          features[c] + QStringLiteral(" (AP %1)").arg(QString::number(pr.averagePrecision(), 'f', 3));
      QCOMPARE(chart.legendText(c), expected);
      QCOMPARE(curve->name(), expected);
      QCOMPARE(chart.curveArea(c), pr.averagePrecision());
      QCOMPARE(chart.curveName(c), features[c]);
    }
    QCOMPARE(chart.legendText(2), QStringLiteral("mean texture (AP 0.597)"));
    QCOMPARE(chart.xAxis->label(), QStringLiteral("Recall"));
    QCOMPARE(chart.yAxis->label(), QStringLiteral("Precision"));
    QVERIFY(!chart.findChild<QCPItemTracer*>());  // no threshold marker here
  }

  void toolTipNamesTheRunAndThePoint() {
    const PrecisionRecallCurve pr = PrecisionRecallCurve::of(data_.malignant, data_.features.at(QStringLiteral("mean radius")));
    PrCurveChart chart;
    chart.resize(500, 400);
    chart.show();
    QVERIFY(QTest::qWaitForWindowExposed(&chart));
    chart.setCurves({prSeries(QStringLiteral("radius"), pr)});
    chart.replot();
    const auto pixel = [&](std::size_t i) {
      return QPoint(qRound(chart.xAxis->coordToPixel(pr.recall[i])), qRound(chart.yAxis->coordToPixel(pr.precision[i])));
    };
    // The lowest threshold: every row predicted malignant, recall 1, precision 212 / 569.
    QCOMPARE(pr.recall[0], 1.0);
    const QString tip = chart.toolTipAt(pixel(0));
    QCOMPARE(tip, QStringLiteral("radius\nthreshold %1 · precision 0.37 · recall 1.00").arg(QString::number(pr.thresholds[0], 'g', 3)));
    // The last point has no threshold.
    QCOMPARE(chart.toolTipAt(pixel(pr.recall.size() - 1)), QStringLiteral("radius\nprecision 1.00 · recall 0.00"));
    QVERIFY(chart.toolTipAt(QPoint(qRound(chart.xAxis->coordToPixel(0.1)), qRound(chart.yAxis->coordToPixel(0.1)))).isEmpty());
    QHelpEvent help(QEvent::ToolTip, pixel(0), chart.mapToGlobal(pixel(0)));
    QApplication::sendEvent(&chart, &help);
    QTRY_COMPARE(QToolTip::text(), tip);
    if (qEnvironmentVariableIsSet("LATHE_SAVE_CHART")) {
      chart.setCurves({prSeries(QStringLiteral("radius"), pr),
                       prSeries(QStringLiteral("texture"),
                                PrecisionRecallCurve::of(data_.malignant, data_.features.at(QStringLiteral("mean texture"))))});
      chart.grab().save(QStringLiteral("/tmp/pr-chart.png"));
    }
  }

  void emptyStates() {
    PrCurveChart chart;
    QCOMPARE(chart.emptyStateText(),
             QStringLiteral("Select one or more classification runs to compare their precision-recall curves."));
    chart.setCurves({});
    QCOMPARE(chart.emptyStateText(), QStringLiteral("The selected runs have no precision-recall curve."));
    RunCurveSeries broken;
    broken.name = QStringLiteral("broken");
    broken.curve.x = {1.0, 0.5};  // no y at all
    chart.setCurves({broken});
    QCOMPARE(chart.curveCount(), 0);
    QCOMPARE(chart.plottableCount(), 0);
    chart.setCurves({prSeries(QStringLiteral("radius"),
                              PrecisionRecallCurve::of(data_.malignant, data_.features.at(QStringLiteral("mean radius"))))});
    QVERIFY(chart.emptyStateText().isEmpty());
    QVERIFY(chart.legend->visible());
    chart.clear();
    QCOMPARE(chart.curveCount(), 0);
    QCOMPARE(chart.plottableCount(), 0);
    QVERIFY(!chart.legend->visible());
    QVERIFY(chart.legendText(0).isEmpty());
    QVERIFY(chart.toolTipAt(QPoint(chart.width() / 2, chart.height() / 2)).isEmpty());
  }

  void exportsAsPng() {
    PrCurveChart chart;
    chart.resize(480, 400);
    chart.setCurves({prSeries(QStringLiteral("radius"),
                              PrecisionRecallCurve::of(data_.malignant, data_.features.at(QStringLiteral("mean radius"))))});
    verifyExport(chart, QStringLiteral("pr.png"));
  }

 private:
  BreastCancer data_;
};

QTEST_MAIN(tst_PrCurveChart)
#include "tst_PrCurveChart.moc"
