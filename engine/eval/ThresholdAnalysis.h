#pragma once
#include <cstddef>
#include <span>
#include <vector>

#include "engine/eval/Predictions.h"
#include "engine/store/ProjectInfo.h"

namespace lathe::eval {

// One decision rule "flag a row as positive when its score >= threshold", and what it gives.
struct ThresholdPoint {
  double threshold = 0.0;
  std::size_t truePositives = 0;
  std::size_t falsePositives = 0;
  std::size_t falseNegatives = 0;
  std::size_t trueNegatives = 0;
  // tp / (tp + fp); 1 when nothing is flagged (precision_recall_curve's convention).
  double precision = 1.0;
  // tp / (tp + fn); 0 when there is no positive row at all.
  double recall = 0.0;
  double totalValue = 0.0;     // tp * value(TP) + fp * value(FP) + fn * value(FN) + tn * value(TN)
  double expectedValue = 0.0;  // totalValue per row: what one scored row is worth on average
};

struct ThresholdAnalysisResult {
  std::vector<ThresholdPoint> points;  // by threshold, ascending
  std::size_t best = 0;                // index of the point with the highest expected value
  const ThresholdPoint& bestPoint() const { return points[best]; }
};

// Which thresholds to try.
//   DistinctScores: every distinct score, plus one just above the highest (flag nothing), so
//                   every possible decision on these rows is listed exactly once.
//   Grid101:        0, 0.01, ..., 1 (for probabilities; the same points whatever the data).
enum class ThresholdGrid { DistinctScores, Grid101 };

// The expected value of a binary classifier's decisions under a cost/value matrix (a cost is
// negative; an unset entry counts 0), at each threshold, and the best threshold. Ties in expected
// value go to the highest threshold (the fewest rows flagged). O(n log n) time, O(n) memory.
class ThresholdAnalysis {
 public:
  // `positive`: 1 for the positive class, 0 otherwise; `scores`: the positive class's score
  // (usually its probability). Throws lathe::Error(InvalidArgument) for no rows, sizes that
  // differ, a label other than 0/1 or a score that is NaN/inf (naming the row), or a value in the
  // matrix that is not finite.
  static ThresholdAnalysisResult analyse(std::span<const double> positive, std::span<const double> scores,
                                         const store::CostMatrix& values, ThresholdGrid grid = ThresholdGrid::DistinctScores);
  // A binary task's predictions with probabilities (class 1 is the positive class).
  static ThresholdAnalysisResult analyse(const Predictions& predictions, const store::CostMatrix& values,
                                         ThresholdGrid grid = ThresholdGrid::DistinctScores);
};

}  // namespace lathe::eval
