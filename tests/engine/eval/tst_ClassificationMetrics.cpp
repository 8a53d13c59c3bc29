#include <QtTest>
#include <cfloat>
#include <cmath>
#include <limits>
#include <string>
#include <vector>

#include "MetricFixtures.h"
#include "engine/eval/ClassificationMetrics.h"
#include "engine/eval/ConfusionMatrix.h"

using lathe::ErrorCode;
using namespace lathe::eval;

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// Every metric of ClassificationMetrics.h that the fixture entry has a value for.
void checkAgainstSklearn(const nlohmann::json& f) {
  const std::size_t classes = f["classCount"];
  const auto yTrue = fixtures::doubles(f["yTrue"]), yPred = fixtures::doubles(f["yPred"]);
  const auto& expected = f["metrics"];
  const ConfusionMatrix m = ConfusionMatrix::of(yTrue, yPred, classes);
  QVERIFY_AGREES(accuracy(m), expected["accuracy"].get<double>());
  QVERIFY_AGREES(balancedAccuracy(m), expected["balanced_accuracy"].get<double>());
  QVERIFY_AGREES(precision(m, Average::Macro), expected["precision_macro"].get<double>());
  QVERIFY_AGREES(recall(m, Average::Macro), expected["recall_macro"].get<double>());
  QVERIFY_AGREES(f1(m, Average::Macro), expected["f1_macro"].get<double>());
  QVERIFY_AGREES(precision(m, Average::Weighted), expected["precision_weighted"].get<double>());
  QVERIFY_AGREES(recall(m, Average::Weighted), expected["recall_weighted"].get<double>());
  QVERIFY_AGREES(f1(m, Average::Weighted), expected["f1_weighted"].get<double>());
  if (classes == 2) {
    QVERIFY_AGREES(precision(m, Average::Binary), expected["precision"].get<double>());
    QVERIFY_AGREES(recall(m, Average::Binary), expected["recall"].get<double>());
    QVERIFY_AGREES(f1(m, Average::Binary), expected["f1"].get<double>());
  } else {
    QVERIFY_THROWS_ERROR(precision(m, Average::Binary), ErrorCode::InvalidArgument, "2 classes");
  }
  if (!f.contains("probabilities")) return;
  const auto p = fixtures::probabilities(f["probabilities"]);
  QVERIFY_AGREES(logLoss(yTrue, p), expected["log_loss"].get<double>());
  if (expected.contains("roc_auc")) {
    QVERIFY_AGREES(rocAuc(yTrue, p), expected["roc_auc"].get<double>());
    QVERIFY_AGREES(averagePrecision(yTrue, p), expected["pr_auc"].get<double>());
  }
}

}  // namespace

class ClassificationMetricsTest : public QObject {
  Q_OBJECT

 private slots:
  void agreesWithSklearn_data() {
    QTest::addColumn<QString>("fixture");
    QTest::newRow("breast_cancer, binary") << "binary_breast_cancer";
    QTest::newRow("breast_cancer, tied scores and 0/1 probabilities") << "binary_ties";
    QTest::newRow("wine, multiclass") << "multiclass_wine";
  }
  void agreesWithSklearn() {
    QFETCH(QString, fixture);
    const auto f = fixtures::load(fixture.toStdString());
    checkAgainstSklearn(f);
    // The fixtures are realistic, not trivial: a model that makes mistakes.
    QVERIFY(f["metrics"]["accuracy"].get<double>() < 1.0);
    QVERIFY(f["metrics"]["accuracy"].get<double>() > 0.5);
  }

  void edgeCasesAgreeWithSklearn() {
    const auto f = fixtures::load("classification_edge_cases");
    QCOMPARE(f["cases"].size(), std::size_t(8));
    for (const auto& c : f["cases"]) {
      qInfo("%s", c["name"].get<std::string>().c_str());
      checkAgainstSklearn(c);
      if (QTest::currentTestFailed()) return;
    }
  }

  void allPredictionsOneClassGivePrecisionZero() {
    // sklearn's zero_division=0: class 1 is never predicted, so its precision is 0, not NaN.
    const std::vector<double> yTrue{0, 1, 1, 0, 1}, yPred{0, 0, 0, 0, 0};
    const auto m = ConfusionMatrix::of(yTrue, yPred, 2);
    QCOMPARE(precision(m, Average::Binary), 0.0);
    QCOMPARE(recall(m, Average::Binary), 0.0);
    QCOMPARE(f1(m, Average::Binary), 0.0);
    QCOMPARE(precision(m, Average::Macro), 0.2);  // (2/5 + 0) / 2
    QVERIFY(!std::isnan(f1(m, Average::Weighted)));
  }

  void logLossClipsZeroAndOne() {
    // The true class given probability 0 costs -log(eps), the right one given 1 costs ~0.
    const std::vector<double> yTrue{0, 1};
    lathe::ml::ClassProbabilities p{2, 2, {0.0, 1.0, 0.0, 1.0}};
    const double wrong = -std::log(DBL_EPSILON / (DBL_EPSILON + (1 - DBL_EPSILON)));
    const double right = -std::log((1 - DBL_EPSILON) / (DBL_EPSILON + (1 - DBL_EPSILON)));
    QCOMPARE(logLoss(yTrue, p), (wrong + right) / 2);
    QVERIFY(std::isfinite(logLoss(yTrue, p)));
    QVERIFY(logLoss(yTrue, p) > 18.0);
  }

  void rocAucNeedsBothClasses() {
    const std::vector<double> yTrue{1, 1, 1};
    lathe::ml::ClassProbabilities p{3, 2, {0.2, 0.8, 0.6, 0.4, 0.0, 1.0}};
    QVERIFY_THROWS_ERROR(rocAuc(yTrue, p), ErrorCode::InvalidArgument, "class 0 has no row");
    QVERIFY_THROWS_ERROR(averagePrecision(yTrue, p), ErrorCode::InvalidArgument, "class 0 has no row");
    QVERIFY(std::isfinite(logLoss(yTrue, p)));  // log loss is defined with one class (labels given)
  }

  void multiclassRocAucNeedsEveryClassAndNormalisedRows() {
    const std::vector<double> yTrue{0, 1, 1, 0};
    lathe::ml::ClassProbabilities p{4, 3, {0.7, 0.2, 0.1, 0.1, 0.8, 0.1, 0.5, 0.3, 0.2, 0.6, 0.4, 0.0}};
    QVERIFY_THROWS_ERROR(rocAuc(yTrue, p), ErrorCode::InvalidArgument, "class 2 has no row");
    const std::vector<double> all{0, 1, 2, 0};
    p.values[0] = 0.9;  // row 1 sums to 1.2
    QVERIFY_THROWS_ERROR(rocAuc(all, p), ErrorCode::InvalidArgument, "row 1");
    p.values[0] = 0.7;
    QVERIFY(rocAuc(all, p) > 0.5);
  }

  void confusionMatrixAgreesWithSklearn_data() { agreesWithSklearn_data(); }
  void confusionMatrixAgreesWithSklearn() {
    QFETCH(QString, fixture);
    const auto f = fixtures::load(fixture.toStdString());
    const std::size_t k = f["classCount"];
    const auto m = ConfusionMatrix::of(fixtures::doubles(f["yTrue"]), fixtures::doubles(f["yPred"]), k,
                                       f["classNames"].get<std::vector<std::string>>());
    QCOMPARE(m.labels, f["classNames"].get<std::vector<std::string>>());
    const auto& counts = f["confusionMatrix"]["counts"];
    const auto& normalized = f["confusionMatrix"]["normalizedRows"];
    const auto rows = m.normalizedRows();
    for (std::size_t t = 0; t < k; ++t)
      for (std::size_t p = 0; p < k; ++p) {
        QCOMPARE(m.at(t, p), counts[t][p].get<std::uint64_t>());
        QVERIFY_AGREES(rows[t * k + p], normalized[t][p].get<double>());
      }
    QCOMPARE(m.total(), f["yTrue"].size());
  }

  void confusionMatrixOfAnAbsentClass() {
    const auto m = ConfusionMatrix::of(std::vector<double>{0, 1, 1}, std::vector<double>{0, 2, 1}, 3);
    QCOMPARE(m.labels, (std::vector<std::string>{"0", "1", "2"}));
    QCOMPARE(m.at(1, 2), std::uint64_t(1));
    QCOMPARE(m.trueCount(2), std::uint64_t(0));
    QCOMPARE(m.predictedCount(2), std::uint64_t(1));
    const auto rows = m.normalizedRows();
    QCOMPARE(rows[2 * 3 + 0] + rows[2 * 3 + 1] + rows[2 * 3 + 2], 0.0);  // no true rows: zeros, not NaN
    QCOMPARE(rows[1 * 3 + 1], 0.5);
  }

  void badInputsAreErrors() {
    const std::vector<double> empty;
    QVERIFY_THROWS_ERROR(ConfusionMatrix::of(empty, empty, 2), ErrorCode::InvalidArgument, "empty");
    QVERIFY_THROWS_ERROR(ConfusionMatrix::of(std::vector<double>{0, 1}, std::vector<double>{0}, 2),
                         ErrorCode::InvalidArgument, "2 rows but yPred has 1");
    QVERIFY_THROWS_ERROR(ConfusionMatrix::of(std::vector<double>{0, 1}, std::vector<double>{0, kNaN}, 2),
                         ErrorCode::InvalidArgument, "yPred at row 2 is NaN");
    QVERIFY_THROWS_ERROR(ConfusionMatrix::of(std::vector<double>{0, 2}, std::vector<double>{0, 1}, 2),
                         ErrorCode::InvalidArgument, "yTrue at row 2 is 2");
    QVERIFY_THROWS_ERROR(ConfusionMatrix::of(std::vector<double>{0, 0.5}, std::vector<double>{0, 1}, 2),
                         ErrorCode::InvalidArgument, "not a class index");
    QVERIFY_THROWS_ERROR(ConfusionMatrix::of(std::vector<double>{0, -1}, std::vector<double>{0, 1}, 2),
                         ErrorCode::InvalidArgument, "row 2");
    QVERIFY_THROWS_ERROR(ConfusionMatrix::of(std::vector<double>{0, 1e300}, std::vector<double>{0, 1}, 2),
                         ErrorCode::InvalidArgument, "row 2");
    QVERIFY_THROWS_ERROR(ConfusionMatrix::of(std::vector<double>{0, 0}, std::vector<double>{0, 0}, 1),
                         ErrorCode::InvalidArgument, "at least 2 classes");
    QVERIFY_THROWS_ERROR(ConfusionMatrix::of(std::vector<double>{0, 0}, std::vector<double>{0, 0}, 1u << 30),
                         ErrorCode::InvalidArgument, "Too many classes");

    const std::vector<double> yTrue{0, 1};
    QVERIFY_THROWS_ERROR(logLoss(empty, {}), ErrorCode::InvalidArgument, "no predictions");
    QVERIFY_THROWS_ERROR(logLoss(yTrue, {}), ErrorCode::InvalidArgument, "needs class probabilities");
    QVERIFY_THROWS_ERROR(logLoss(yTrue, (lathe::ml::ClassProbabilities{2, 2, {0.5, 0.5, kNaN, 0.5}})),
                         ErrorCode::InvalidArgument, "class 0 at row 2");
    QVERIFY_THROWS_ERROR(rocAuc(yTrue, (lathe::ml::ClassProbabilities{2, 2, {0.5, 0.5, 0.5, INFINITY}})),
                         ErrorCode::InvalidArgument, "not a finite number");
    QVERIFY_THROWS_ERROR(rocAuc(yTrue, (lathe::ml::ClassProbabilities{2, 2, {0.5, 0.5, 0.5}})),
                         ErrorCode::InvalidArgument, "not rows x classes");
    QVERIFY_THROWS_ERROR(rocAuc(yTrue, (lathe::ml::ClassProbabilities{3, 2, {0.5, 0.5, 0.5, 0.5, 0.5, 0.5}})),
                         ErrorCode::InvalidArgument, "2 rows but the probabilities have 3");
    QVERIFY_THROWS_ERROR(logLoss(std::vector<double>{0, 2}, (lathe::ml::ClassProbabilities{2, 2, {1, 0, 1, 0}})),
                         ErrorCode::InvalidArgument, "yTrue at row 2");
  }
};

QTEST_APPLESS_MAIN(ClassificationMetricsTest)
#include "tst_ClassificationMetrics.moc"
