#include <QtTest>
#include <cmath>
#include <limits>
#include <vector>

#include "MetricFixtures.h"
#include "engine/eval/RegressionMetrics.h"

using lathe::ErrorCode;
using namespace lathe::eval;

class RegressionMetricsTest : public QObject {
  Q_OBJECT

 private slots:
  void diabetesAgreesWithSklearn() {
    const auto f = fixtures::load("regression_diabetes");
    const auto yTrue = fixtures::doubles(f["yTrue"]), yPred = fixtures::doubles(f["yPred"]);
    QCOMPARE(yTrue.size(), std::size_t(442));
    const auto& m = f["metrics"];
    QVERIFY_AGREES(meanSquaredError(yTrue, yPred), m["mse"].get<double>());
    QVERIFY_AGREES(rootMeanSquaredError(yTrue, yPred), m["rmse"].get<double>());
    QVERIFY_AGREES(meanAbsoluteError(yTrue, yPred), m["mae"].get<double>());
    QVERIFY_AGREES(r2Score(yTrue, yPred), m["r2"].get<double>());
    QVERIFY_ALL_AGREE(residuals(yTrue, yPred), fixtures::doubles(f["residuals"]));
    QVERIFY(m["r2"].get<double>() > 0.3 && m["r2"].get<double>() < 0.9);  // a real, imperfect model
  }

  void handComputedValues() {
    const std::vector<double> yTrue{3, -0.5, 2, 7}, yPred{2.5, 0.0, 2, 8};  // sklearn's docstring example
    QCOMPARE(meanSquaredError(yTrue, yPred), 0.375);
    QCOMPARE(meanAbsoluteError(yTrue, yPred), 0.5);
    QCOMPARE(rootMeanSquaredError(yTrue, yPred), std::sqrt(0.375));
    QVERIFY_AGREES(r2Score(yTrue, yPred), 0.9486081370449679);  // sklearn's docstring value
    QCOMPARE(residuals(yTrue, yPred), (std::vector<double>{0.5, -0.5, 0, -1}));
  }

  void constantTargetFollowsForceFinite() {
    // sklearn (force_finite=True): a constant y gives 1 for perfect predictions, 0 otherwise.
    const std::vector<double> constant{0.1, 0.1, 0.1};
    QCOMPARE(r2Score(constant, constant), 1.0);
    QCOMPARE(r2Score(constant, std::vector<double>{0.1, 0.2, 0.1}), 0.0);
  }

  void manyRowsStayExact() {
    // A million rows whose errors are exactly ±0.1: the compensated sum keeps mae at 0.1.
    std::vector<double> yTrue(1'000'000), yPred(1'000'000);
    for (std::size_t i = 0; i < yTrue.size(); ++i) {
      yTrue[i] = 1e6 + static_cast<double>(i % 7);
      yPred[i] = yTrue[i] + (i % 2 ? 0.125 : -0.125);
    }
    QCOMPARE(meanAbsoluteError(yTrue, yPred), 0.125);
    QCOMPARE(meanSquaredError(yTrue, yPred), 0.015625);
  }

  void badInputsAreErrors() {
    const std::vector<double> empty, one{1.0}, two{1.0, 2.0};
    const double nan = std::numeric_limits<double>::quiet_NaN(), inf = std::numeric_limits<double>::infinity();
    QVERIFY_THROWS_ERROR(meanSquaredError(empty, empty), ErrorCode::InvalidArgument, "no predictions");
    QVERIFY_THROWS_ERROR(meanAbsoluteError(two, one), ErrorCode::InvalidArgument, "2 rows but yPred has 1");
    QVERIFY_THROWS_ERROR(rootMeanSquaredError(two, (std::vector<double>{1.0, nan})), ErrorCode::InvalidArgument,
                         "yPred at row 2");
    QVERIFY_THROWS_ERROR(r2Score((std::vector<double>{inf, 1.0}), two), ErrorCode::InvalidArgument, "yTrue at row 1");
    QVERIFY_THROWS_ERROR(r2Score(one, one), ErrorCode::InvalidArgument, "at least 2 rows");
    QVERIFY_THROWS_ERROR(residuals(two, (std::vector<double>{nan, nan})), ErrorCode::InvalidArgument, "row 1");
  }
};

QTEST_APPLESS_MAIN(RegressionMetricsTest)
#include "tst_RegressionMetrics.moc"
