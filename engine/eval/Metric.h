#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "engine/eval/Predictions.h"

namespace lathe::eval {

// Metrics by the names scikit-learn gives them (the CLI contract): accuracy,
// balanced_accuracy, precision, recall, f1 (binary: of class 1; multiclass: macro),
// f1_macro, f1_weighted, precision_macro, recall_macro, roc_auc (binary, or one-vs-rest macro),
// pr_auc (average precision), log_loss, mse, rmse, mae, r2. Each agrees with scikit-learn to 1e-9
// on the same predictions (tests/engine/eval fixtures, made by bench/make-metric-fixtures.py).
class Metric {
 public:
  // Throws lathe::Error(InvalidArgument) for an unknown name, a metric that does not fit the
  // task (r2 of a classifier), or predictions it cannot score (roc_auc without probabilities,
  // one class only in yTrue).
  static double compute(std::string_view name, const Predictions& predictions);
  static bool higherIsBetter(std::string_view name);
  // The metrics reported for a task, the headline first (binary: roc_auc; multiclass: accuracy;
  // regression: r2).
  static std::vector<std::string> defaultsFor(ml::Task task);
  static std::vector<std::string> names();
};

}  // namespace lathe::eval
