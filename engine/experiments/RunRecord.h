#pragma once
#include <string>
#include <vector>

#include "engine/eval/CrossValidation.h"
#include "engine/eval/LearningCurve.h"
#include "engine/store/ExperimentRun.h"

namespace lathe::experiments {

// Turns evaluation results into what a stored run holds: its metrics, ROC and PR curves (binary:
// of class 1; multiclass: one-vs-rest per class), confusion matrix, predicted-against-actual
// points (regression) and learning curve. Curves longer than kMaxCurvePoints are thinned for
// drawing (the metrics are computed on every row first).
class RunRecord {
 public:
  static constexpr std::size_t kMaxCurvePoints = 2000;
  static constexpr std::size_t kMaxOneVsRestClasses = 20;

  static void addMetrics(store::ExperimentRun& run, const std::vector<eval::MetricSummary>& metrics,
                         const std::string& split);
  // Every metric of the task scored once on `predictions` (the pooled out-of-fold predictions
  // of a cross-validation; the curves' areas agree with them).
  static void addPooledMetrics(store::ExperimentRun& run, const eval::Predictions& predictions,
                               const std::string& split);
  static void addCharts(store::ExperimentRun& run, const eval::Predictions& predictions,
                        const std::vector<std::string>& classes, const std::string& split);
  // Kinds "learning" with splits "train" and "validation": x = training rows, y = mean score.
  static void addLearningCurve(store::ExperimentRun& run, const eval::LearningCurveResult& curve);
};

}  // namespace lathe::experiments
