#include <QtTest>
#include <algorithm>
#include <cmath>
#include <limits>
#include <stop_token>
#include <string>
#include <vector>

#include "engine/core/Error.h"
#include "engine/data/DataImporter.h"
#include "engine/eval/ThresholdAnalysis.h"
#include "TestPaths.h"

using lathe::eval::ThresholdAnalysis;
using lathe::eval::ThresholdGrid;
using lathe::store::CostMatrix;

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// breast_cancer.csv: malignant (1) or not, and "worst concave points" scaled to [0, 1] as a score.
void loadScores(std::vector<double>& positive, std::vector<double>& scores) {
  lathe::jobs::NullProgressSink sink;
  std::stop_source stop;
  lathe::data::ImportRequest request;
  request.path = std::string(LATHE_DATASETS_DIR) + "/breast_cancer.csv";
  const auto table = lathe::data::DataImporter::import(request, lathe::jobs::JobContext(stop.get_token(), sink)).table;
  const auto& diagnosis = table.column(*table.indexOf("diagnosis"));
  const auto& points = table.column(*table.indexOf("worst concave points"));
  double low = std::numeric_limits<double>::infinity(), high = -low;
  for (std::size_t r = 0; r < table.rowCount(); ++r) low = std::min(low, points.numericAt(r)), high = std::max(high, points.numericAt(r));
  for (std::size_t r = 0; r < table.rowCount(); ++r) {
    positive.push_back(diagnosis.displayText(r) == "malignant" ? 1.0 : 0.0);
    scores.push_back((points.numericAt(r) - low) / (high - low));
  }
}

bool invalid(auto&& call) {
  try {
    call();
  } catch (const lathe::Error& e) {
    return e.code() == lathe::ErrorCode::InvalidArgument;
  }
  return false;
}

}  // namespace

class tst_ThresholdAnalysis : public QObject {
  Q_OBJECT

 private slots:
  void precisionRecallAndValueOnRealScores() {
    std::vector<double> positive, scores;
    loadScores(positive, scores);
    const CostMatrix values{100.0, -10.0, -500.0, 0.0};  // a missed cancer costs most
    const auto result = ThresholdAnalysis::analyse(positive, scores, values);
    // precision_recall_curve(y, score) in scikit-learn 1.2: 492 thresholds (every distinct score,
    // 0.0 to 1.0); the sums of its precision and recall at them (the final (1, 0) point dropped).
    QCOMPARE(result.points.size(), std::size_t{493});  // + one above the highest score: flag nothing
    QCOMPARE(result.points.front().threshold, 0.0);
    QCOMPARE(result.points[491].threshold, 1.0);
    double precision = 0.0, recall = 0.0;
    for (std::size_t i = 0; i < 492; ++i) precision += result.points[i].precision, recall += result.points[i].recall;
    QVERIFY(std::abs(precision - 359.6682609603856) < 1e-9);
    QVERIFY(std::abs(recall - 384.5188679245283) < 1e-9);
    const auto& none = result.points.back();
    QCOMPARE(none.truePositives + none.falsePositives, std::size_t{0});
    QCOMPARE(none.precision, 1.0);
    QCOMPARE(none.recall, 0.0);
    QCOMPARE(none.falseNegatives, std::size_t{212});
    // numpy over the same thresholds (ties to the highest): best at 0.22594501718213061 with
    // 211 TP, 206 FP, 1 FN, 151 TN, worth 32.58347978910369 per row.
    const auto& best = result.bestPoint();
    QCOMPARE(best.threshold, 0.22594501718213061);
    QCOMPARE(best.truePositives, std::size_t{211});
    QCOMPARE(best.falsePositives, std::size_t{206});
    QCOMPARE(best.falseNegatives, std::size_t{1});
    QCOMPARE(best.trueNegatives, std::size_t{151});
    QVERIFY(std::abs(best.expectedValue - 32.58347978910369) < 1e-9);
    QVERIFY(std::abs(best.totalValue - 32.58347978910369 * 569) < 1e-6);
    for (const auto& p : result.points) {
      QCOMPARE(p.truePositives + p.falsePositives + p.falseNegatives + p.trueNegatives, std::size_t{569});
      QVERIFY(p.expectedValue <= best.expectedValue);
    }

    const auto grid = ThresholdAnalysis::analyse(positive, scores, values, ThresholdGrid::Grid101);
    QCOMPARE(grid.points.size(), std::size_t{101});
    QCOMPARE(grid.points[50].threshold, 0.5);
    QCOMPARE(grid.points[50].truePositives, std::size_t{174});  // numpy: (score >= 0.5) & malignant
    QCOMPARE(grid.points[50].falsePositives, std::size_t{9});
    QCOMPARE(grid.points[0].truePositives + grid.points[0].falsePositives, std::size_t{569});
  }

  void scikitLearnsDocumentedExample() {
    // precision_recall_curve([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]): thresholds 0.1, 0.35, 0.4, 0.8;
    // precision 0.5, 0.667, 0.5, 1; recall 1, 1, 0.5, 0.5.
    const std::vector<double> y{0, 0, 1, 1}, s{0.1, 0.4, 0.35, 0.8};
    const auto result = ThresholdAnalysis::analyse(y, s, CostMatrix{1.0, -1.0, std::nullopt, std::nullopt});
    const std::vector<double> thresholds{0.1, 0.35, 0.4, 0.8}, precision{0.5, 2.0 / 3.0, 0.5, 1.0}, recall{1, 1, 0.5, 0.5};
    for (std::size_t i = 0; i < 4; ++i) {
      QCOMPARE(result.points[i].threshold, thresholds[i]);
      QCOMPARE(result.points[i].precision, precision[i]);
      QCOMPARE(result.points[i].recall, recall[i]);
    }
    // Values: 0.1 -> 2 - 2 = 0; 0.35 -> 2 - 1 = 1; 0.4 -> 1 - 1 = 0; 0.8 -> 1; none -> 0.
    // Ties go to the higher threshold: 0.8.
    QCOMPARE(result.bestPoint().threshold, 0.8);
    QCOMPARE(result.bestPoint().totalValue, 1.0);
    QCOMPARE(result.bestPoint().expectedValue, 0.25);
    // Nothing valued: every threshold ties, and flagging nothing wins.
    const auto flat = ThresholdAnalysis::analyse(y, s, CostMatrix{});
    QCOMPARE(flat.best, flat.points.size() - 1);
    // Equal scores form one threshold.
    const std::vector<double> tied{0.5, 0.5, 0.5, 0.9};
    QCOMPARE(ThresholdAnalysis::analyse(y, tied, CostMatrix{}).points.size(), std::size_t{3});
    // No positive row: recall 0 everywhere.
    const std::vector<double> negatives{0, 0, 0, 0};
    for (const auto& p : ThresholdAnalysis::analyse(negatives, s, CostMatrix{}).points) QCOMPARE(p.recall, 0.0);
  }

  void fromPredictions() {
    lathe::eval::Predictions predictions;
    predictions.task = lathe::ml::Task::Binary;
    predictions.classCount = 2;
    predictions.yTrue = {0, 0, 1, 1};
    predictions.yPred = {0, 1, 0, 1};
    predictions.probabilities = {4, 2, {0.9, 0.1, 0.6, 0.4, 0.65, 0.35, 0.2, 0.8}};
    const auto result = ThresholdAnalysis::analyse(predictions, CostMatrix{1.0, -1.0, 0.0, 0.0});
    QCOMPARE(result.points[1].threshold, 0.35);
    QCOMPARE(result.points[1].precision, 2.0 / 3.0);
    // Not binary, or no probabilities: refused.
    auto multiclass = predictions;
    multiclass.task = lathe::ml::Task::Multiclass;
    QVERIFY(invalid([&] { ThresholdAnalysis::analyse(multiclass, CostMatrix{}); }));
    auto bare = predictions;
    bare.probabilities = {};
    QVERIFY(invalid([&] { ThresholdAnalysis::analyse(bare, CostMatrix{}); }));
    auto short_ = predictions;
    short_.probabilities.values.pop_back();
    QVERIFY(invalid([&] { ThresholdAnalysis::analyse(short_, CostMatrix{}); }));
  }

  void badInputsAreClearErrors() {
    const std::vector<double> y{0, 1}, s{0.2, 0.7};
    QVERIFY(invalid([&] { ThresholdAnalysis::analyse(std::vector<double>{}, std::vector<double>{}, CostMatrix{}); }));
    QVERIFY(invalid([&] { ThresholdAnalysis::analyse(y, std::vector<double>{0.5}, CostMatrix{}); }));
    for (double label : {2.0, -1.0, 0.5, kNaN})
      QVERIFY(invalid([&] { ThresholdAnalysis::analyse(std::vector<double>{0, label}, s, CostMatrix{}); }));
    for (double score : {kNaN, std::numeric_limits<double>::infinity()})
      QVERIFY(invalid([&] { ThresholdAnalysis::analyse(y, std::vector<double>{0.1, score}, CostMatrix{}); }));
    QVERIFY(invalid([&] { ThresholdAnalysis::analyse(y, s, CostMatrix{kNaN, 0.0, 0.0, 0.0}); }));
    QVERIFY(invalid([&] { ThresholdAnalysis::analyse(y, s, CostMatrix{0.0, 0.0, -std::numeric_limits<double>::infinity(), 0.0}); }));
    try {
      ThresholdAnalysis::analyse(std::vector<double>{0, 1, 1}, std::vector<double>{0.1, 0.2, kNaN}, CostMatrix{});
      QFAIL("no error");
    } catch (const lathe::Error& e) {
      QVERIFY(QString::fromStdString(e.message()).contains("row 3"));
    }
    // One row works.
    QCOMPARE(ThresholdAnalysis::analyse(std::vector<double>{1}, std::vector<double>{0.3}, CostMatrix{1.0, 0.0, 0.0, 0.0})
                 .bestPoint()
                 .threshold,
             0.3);
  }
};

QTEST_APPLESS_MAIN(tst_ThresholdAnalysis)
#include "tst_ThresholdAnalysis.moc"
