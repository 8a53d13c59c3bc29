#include <QtTest>

#include "TimeBounds.h"
#include <chrono>
#include <limits>
#include <random>
#include <vector>

#include "MetricFixtures.h"
#include "engine/eval/Curves.h"

using lathe::ErrorCode;
using lathe::eval::PrecisionRecallCurve;
using lathe::eval::RocCurve;

class CurvesTest : public QObject {
  Q_OBJECT

 private slots:
  void agreeWithSklearn_data() {
    QTest::addColumn<QString>("fixture");
    QTest::newRow("breast_cancer, binary") << "binary_breast_cancer";
    QTest::newRow("breast_cancer, tied scores") << "binary_ties";
    QTest::newRow("wine, one-vs-rest per class") << "multiclass_wine";
  }
  // Every class's one-vs-rest ROC and PR curve, point by point, and the areas under them.
  void agreeWithSklearn() {
    QFETCH(QString, fixture);
    const auto f = fixtures::load(fixture.toStdString());
    const auto yTrue = fixtures::doubles(f["yTrue"]);
    const auto p = fixtures::probabilities(f["probabilities"]);
    const std::size_t classes = f["classCount"];
    QCOMPARE(f["curves"].size(), classes);
    for (std::size_t k = 0; k < classes; ++k) {
      const auto& expected = f["curves"][k];
      const auto scores = fixtures::column(p, k);
      const auto roc = RocCurve::of(yTrue, scores, static_cast<double>(k));
      QVERIFY_ALL_AGREE(roc.fpr, fixtures::doubles(expected["roc"]["fpr"]));
      QVERIFY_ALL_AGREE(roc.tpr, fixtures::doubles(expected["roc"]["tpr"]));
      QVERIFY_ALL_AGREE(roc.thresholds, fixtures::doubles(expected["roc"]["thresholds"]));
      QVERIFY_AGREES(roc.area(), expected["roc_auc"].get<double>());
      const auto pr = PrecisionRecallCurve::of(yTrue, scores, static_cast<double>(k));
      QVERIFY_ALL_AGREE(pr.precision, fixtures::doubles(expected["pr"]["precision"]));
      QVERIFY_ALL_AGREE(pr.recall, fixtures::doubles(expected["pr"]["recall"]));
      QVERIFY_ALL_AGREE(pr.thresholds, fixtures::doubles(expected["pr"]["thresholds"]));
      QVERIFY_AGREES(pr.averagePrecision(), expected["average_precision"].get<double>());
    }
  }

  void tiesAndDroppedPointsAgreeWithSklearn() {
    const auto f = fixtures::load("curve_edge_cases");
    for (const auto& c : f["cases"]) {
      qInfo("%s", c["name"].get<std::string>().c_str());
      const auto yTrue = fixtures::doubles(c["yTrue"]), scores = fixtures::doubles(c["scores"]);
      const auto roc = RocCurve::of(yTrue, scores);
      QVERIFY_ALL_AGREE(roc.fpr, fixtures::doubles(c["roc"]["fpr"]));
      QVERIFY_ALL_AGREE(roc.tpr, fixtures::doubles(c["roc"]["tpr"]));
      QVERIFY_ALL_AGREE(roc.thresholds, fixtures::doubles(c["roc"]["thresholds"]));
      const auto pr = PrecisionRecallCurve::of(yTrue, scores);
      QVERIFY_ALL_AGREE(pr.precision, fixtures::doubles(c["pr"]["precision"]));
      QVERIFY_ALL_AGREE(pr.recall, fixtures::doubles(c["pr"]["recall"]));
      QVERIFY_ALL_AGREE(pr.thresholds, fixtures::doubles(c["pr"]["thresholds"]));
    }
  }

  void intermediatePointsAreDropped() {
    // Scores in perfect order: of 1000 distinct scores only the first point and the corners stay
    // (sklearn's roc_curve gives these very arrays).
    std::vector<double> yTrue, scores;
    for (int i = 0; i < 1000; ++i) {
      yTrue.push_back(i < 300 ? 1 : 0);
      scores.push_back(1000 - i);
    }
    const auto roc = RocCurve::of(yTrue, scores);
    QCOMPARE(roc.fpr, (std::vector<double>{0, 0, 0, 1}));
    QCOMPARE(roc.tpr, (std::vector<double>{0, 1.0 / 300, 1, 1}));
    QCOMPARE(roc.thresholds, (std::vector<double>{1001, 1000, 701, 1}));
    QCOMPARE(roc.area(), 1.0);
    QCOMPARE(PrecisionRecallCurve::of(yTrue, scores).averagePrecision(), 1.0);
  }

  void millionRowsWithFewDistinctScoresIsFastAndSmall() {
    std::mt19937 random(7);
    std::vector<double> yTrue(1'000'000), scores(1'000'000);
    for (std::size_t i = 0; i < yTrue.size(); ++i) {
      scores[i] = static_cast<double>(random() % 101) / 100.0;
      yTrue[i] = (random() % 100) < scores[i] * 100 ? 1 : 0;
    }
    const auto start = std::chrono::steady_clock::now();
    const auto roc = RocCurve::of(yTrue, scores);
    const auto pr = PrecisionRecallCurve::of(yTrue, scores);
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    QVERIFY(roc.fpr.size() <= 102);
    QCOMPARE(pr.thresholds.size(), std::size_t(101));
    QVERIFY(roc.area() > 0.8 && roc.area() < 0.9);  // scores are calibrated probabilities of a uniform mix
    QVERIFY2(seconds < 5.0 * kTimeBoundScale, qPrintable(QString::number(seconds)));
  }

  void badInputsAreErrors() {
    const std::vector<double> empty, yTrue{0, 1, 1}, ones{1, 1, 1}, scores{0.1, 0.9, 0.5};
    const double nan = std::numeric_limits<double>::quiet_NaN(), inf = std::numeric_limits<double>::infinity();
    QVERIFY_THROWS_ERROR(RocCurve::of(empty, empty), ErrorCode::InvalidArgument, "no rows");
    QVERIFY_THROWS_ERROR(PrecisionRecallCurve::of(yTrue, std::vector<double>{0.1}), ErrorCode::InvalidArgument,
                         "3 rows but the scores have 1");
    QVERIFY_THROWS_ERROR(RocCurve::of(ones, scores), ErrorCode::InvalidArgument, "no negative row");
    QVERIFY_THROWS_ERROR(RocCurve::of(yTrue, scores, 2.0), ErrorCode::InvalidArgument, "no positive row");
    QVERIFY_THROWS_ERROR(PrecisionRecallCurve::of(std::vector<double>{0, 0}, std::vector<double>{0.1, 0.2}),
                         ErrorCode::InvalidArgument, "no positive row");
    QVERIFY_THROWS_ERROR(RocCurve::of(yTrue, (std::vector<double>{0.1, nan, 0.5})), ErrorCode::InvalidArgument,
                         "score at row 2");
    QVERIFY_THROWS_ERROR(PrecisionRecallCurve::of(yTrue, (std::vector<double>{0.1, 0.5, inf})),
                         ErrorCode::InvalidArgument, "score at row 3");
    QVERIFY_THROWS_ERROR(RocCurve::of((std::vector<double>{0, nan, 1}), scores), ErrorCode::InvalidArgument,
                         "yTrue at row 2");
  }
};

QTEST_APPLESS_MAIN(CurvesTest)
#include "tst_Curves.moc"
