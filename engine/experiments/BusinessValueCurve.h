#pragma once
#include <cstddef>
#include <limits>
#include <optional>
#include <string>
#include <vector>

#include "engine/store/ExperimentRun.h"
#include "engine/store/ProjectInfo.h"

namespace lathe::experiments {

// What a stored binary run's decisions are worth under the project's cost/value matrix, at each
// threshold of its ROC curve (a cost is negative; an unset entry counts 0). The matrix may change
// after training, so this works from what the run keeps: along the ROC, TP = tpr * P and
// FP = fpr * N, where P and N are the actual positive and negative rows of the run's confusion
// matrix on the same split. Expected value is linear in (TP, FP), so its maximum over the ROC's
// vertices is the exact maximum over every threshold (drop_intermediate removes only collinear
// points), and it agrees with eval::ThresholdAnalysis on the raw predictions.
struct BusinessValueCurve {
  struct Point {
    double threshold = 0.0;      // flag a row as positive when its score >= threshold
    double expectedValue = 0.0;  // per row: totalValue / (P + N)
    double totalValue = 0.0;     // tp * value(TP) + fp * value(FP) + fn * value(FN) + tn * value(TN)
    // The KPI metric at this threshold when it depends on the threshold (accuracy,
    // balanced_accuracy, precision, recall, f1 and their _macro/_weighted forms), else NaN.
    double kpiValue = std::numeric_limits<double>::quiet_NaN();
  };

  // By threshold, ascending. The last point is the ROC's first, at (highest score + 1): the real
  // decision "flag no one".
  std::vector<Point> points;
  // The point with the highest expected value; ties go to the highest threshold (the fewest rows
  // flagged), as ThresholdAnalysis.
  std::size_t best = 0;
  // The usual decision at 0.5: the point with the lowest threshold >= 0.5 (the "flag no one"
  // point when every threshold is below 0.5). Between ROC vertices a dropped, collinear decision
  // may sit nearer 0.5; this is the nearest one the run kept.
  std::size_t atDefault = 0;
  std::string split;       // the run's headline split the curve is computed on
  double positives = 0;    // P: actual positive rows on that split
  double negatives = 0;    // N
  bool kpiDependsOnThreshold = false;

  const Point& bestPoint() const { return points[best]; }

  // nullopt when the run is not a binary classifier, has no ROC curve with thresholds on its
  // headline split, has no 2x2 confusion matrix on that split, or the two are not over the same
  // rows (a rate times P or N that is not a whole count). Points of the stored curve that are
  // not finite or not rates in [0, 1] are skipped. Throws lathe::Error(InvalidArgument) for a
  // value in the matrix that is not finite (as ThresholdAnalysis).
  static std::optional<BusinessValueCurve> of(const store::ExperimentRun& run, const store::CostMatrix& costs,
                                              const store::Kpi& kpi);
  // Whether the metric (as scikit-learn spells it) changes with the decision threshold.
  static bool dependsOnThreshold(const std::string& metric);
};

}  // namespace lathe::experiments
