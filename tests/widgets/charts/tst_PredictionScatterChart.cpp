// A regression run's predictions drawn against the truth and as residuals: a linear model trained
// by the engine (TrainModelJob, holdout) on diabetes_progression.csv gives the stored points.
#include <QtTest>

#include <algorithm>
#include <cmath>
#include <memory>

#include "ChartTestSupport.h"
#include "engine/experiments/RunComparison.h"
#include "engine/experiments/TrainModelJob.h"
#include "widgets/charts/PredictionScatterChart.h"

using lathe::widgets::PredictionScatterChart;

namespace {

lathe::store::RunCurve predictedPoints() {
  lathe::experiments::TrainingRequest request;
  request.table = std::make_shared<const lathe::data::Table>(importDataset("diabetes_progression.csv"));
  request.target = "progression";
  request.algorithm = "linear";
  request.validation.kind = lathe::experiments::ValidationScheme::Kind::Holdout;
  request.learningCurve = false;
  lathe::experiments::TrainModelJob job(nullptr, request);
  lathe::jobs::NullProgressSink sink;
  std::stop_source stop;
  lathe::jobs::JobContext context(stop.get_token(), sink);
  job.run(context);
  const auto* curve = lathe::experiments::RunComparison::curveOf(job.result(), "predicted");
  if (!curve) qFatal("the run has no predicted points");
  return *curve;
}

}  // namespace

class tst_PredictionScatterChart : public QObject {
  Q_OBJECT
 private slots:
  void initTestCase() { points_ = predictedPoints(); }

  void drawsPredictedAgainstActual() {
    QCOMPARE(points_.x.size(), std::size_t{111});  // a 25 % holdout of 442 rows
    PredictionScatterChart chart(PredictionScatterChart::Mode::PredictedAgainstActual);
    chart.resize(500, 400);
    QVERIFY(!chart.emptyStateText().isEmpty());
    chart.setSeries({{QStringLiteral("linear"), points_}});
    QVERIFY(chart.emptyStateText().isEmpty());
    QCOMPARE(chart.graphCount(), 1);
    QCOMPARE(chart.graph(0)->dataCount(), 111);
    for (int i = 0; i < 111; i += 10)
      QCOMPARE(chart.pointAt(0, i), QPointF(points_.x[std::size_t(i)], points_.y[std::size_t(i)]));
    // The graph keeps its points sorted by x: the same (actual, predicted) pairs, in x order.
    std::vector<std::pair<double, double>> expected, drawn;
    for (std::size_t i = 0; i < points_.x.size(); ++i) expected.emplace_back(points_.x[i], points_.y[i]);
    for (auto it = chart.graph(0)->data()->constBegin(); it != chart.graph(0)->data()->constEnd(); ++it)
      drawn.emplace_back(it->key, it->value);
    std::sort(expected.begin(), expected.end());
    std::sort(drawn.begin(), drawn.end());
    QVERIFY(drawn == expected);
    auto* diagonal = chart.findChild<QCPItemStraightLine*>(QStringLiteral("referenceLine"));
    QVERIFY(diagonal);
    QCOMPARE(diagonal->point1->coords().x(), diagonal->point1->coords().y());  // on y = x
    // A linear model's predictions follow the truth: correlation well above zero (R² ~0.45).
    double mx = 0, my = 0;
    for (std::size_t i = 0; i < points_.x.size(); ++i) mx += points_.x[i], my += points_.y[i];
    mx /= 111;
    my /= 111;
    double sxy = 0, sxx = 0, syy = 0;
    for (std::size_t i = 0; i < points_.x.size(); ++i) {
      sxy += (points_.x[i] - mx) * (points_.y[i] - my);
      sxx += (points_.x[i] - mx) * (points_.x[i] - mx);
      syy += (points_.y[i] - my) * (points_.y[i] - my);
    }
    QVERIFY(sxy / std::sqrt(sxx * syy) > 0.5);

    chart.replot();
    const QPointF first(chart.xAxis->coordToPixel(points_.x[0]), chart.yAxis->coordToPixel(points_.y[0]));
    QVERIFY2(chart.toolTipAt(first).contains(QStringLiteral("actual")), qPrintable(chart.toolTipAt(first)));
  }

  void drawsResidualsAroundZero() {
    PredictionScatterChart chart(PredictionScatterChart::Mode::Residuals);
    chart.setSeries({{QStringLiteral("a"), points_}, {QStringLiteral("b"), points_}});
    QCOMPARE(chart.seriesCount(), 2);
    QCOMPARE(chart.graphCount(), 2);
    QVERIFY(chart.legend->visible());
    for (int i = 0; i < 111; i += 7)
      QCOMPARE(chart.pointAt(1, i).y(), points_.y[std::size_t(i)] - points_.x[std::size_t(i)]);
    auto* zero = chart.findChild<QCPItemStraightLine*>(QStringLiteral("referenceLine"));
    QVERIFY(zero);
    QCOMPARE(zero->point1->coords().y(), 0.0);
    QCOMPARE(zero->point2->coords().y(), 0.0);
    QVERIFY(std::isnan(chart.pointAt(2, 0).x()));
  }

  void badSeriesAreLeftOut() {
    PredictionScatterChart chart(PredictionScatterChart::Mode::PredictedAgainstActual);
    lathe::store::RunCurve uneven{"predicted", "test", "", {1, 2, 3}, {1, 2}, {}};
    chart.setSeries({{QStringLiteral("uneven"), uneven}, {QStringLiteral("empty"), {}}});
    QCOMPARE(chart.seriesCount(), 0);
    QVERIFY(!chart.emptyStateText().isEmpty());
  }

  void exports_data() { addExportFormats(); }
  void exports() {
    PredictionScatterChart chart(PredictionScatterChart::Mode::Residuals);
    chart.resize(400, 300);
    chart.setSeries({{QStringLiteral("linear"), points_}});
    QFETCH(QString, suffix);
    verifyExport(chart, QStringLiteral("predictions.") + suffix);
  }

 private:
  lathe::store::RunCurve points_;
};

QTEST_MAIN(tst_PredictionScatterChart)
#include "tst_PredictionScatterChart.moc"
