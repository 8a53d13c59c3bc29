#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "engine/eval/DataSplit.h"
#include "engine/eval/Predictions.h"
#include "engine/ml/Estimator.h"
#include "engine/ml/TrainingData.h"

namespace lathe::jobs {
class JobContext;
}

namespace lathe::eval {

// One metric over the folds: its value per fold, their mean and standard deviation (population,
// ddof = 0, as numpy's std and scikit-learn's cv_results_ report). A fold where the metric cannot
// be computed (roc_auc on a fold holding one class) is NaN there, left out of mean and std, and
// named in the warnings; all folds NaN gives a NaN mean.
struct MetricSummary {
  std::string name;
  std::vector<double> perFold;
  double mean = 0.0;
  double std = 0.0;
};

struct CrossValidationOptions {
  KFoldOptions split;                // 5 folds, shuffled, seed 0
  std::vector<std::string> metrics;  // empty: Metric::defaultsFor(task)
};

// The estimate k-fold cross-validation gives: metrics per fold and, for every row, the prediction
// of the model that did not see it (in the data's row order).
struct CrossValidationResult {
  std::size_t folds = 0;
  Predictions outOfFold;
  std::vector<MetricSummary> metrics;
  std::vector<std::string> warnings;

  const MetricSummary* metric(const std::string& name) const {
    for (const auto& m : metrics)
      if (m.name == name) return &m;
    return nullptr;
  }
};

struct HoldoutResult {
  HoldoutSplit split;
  Predictions validation;  // empty (no rows) when the split has no validation part
  Predictions test;
  std::vector<MetricSummary> validationMetrics;  // perFold holds the one value
  std::vector<MetricSummary> testMetrics;
  std::vector<std::string> warnings;
};

// Evaluation of any estimator: each fold fits a fresh clone() of `prototype`, so the prototype is
// never changed. Progress: one share of the bar per fold ("Fold 2 of 5"); the stop token is
// honoured between folds and inside each fit (JobCancelled). Errors: lathe::Error(InvalidArgument)
// for no rows, a clustering task, a task the estimator does not support, or a bad split (see
// DataSplit); a fit that fails on a fold propagates its error, naming the fold.
class CrossValidation {
 public:
  static CrossValidationResult run(const ml::Estimator& prototype, const ml::TrainingData& data,
                                   const CrossValidationOptions& options, const jobs::JobContext& context);

  // Fit on the train part, score on validation (if any) and test.
  static HoldoutResult holdout(const ml::Estimator& prototype, const ml::TrainingData& data, const HoldoutOptions& split,
                               std::vector<std::string> metrics, const jobs::JobContext& context);

  // What `model` predicts for `x`, with class probabilities where the model gives them.
  static Predictions predict(const ml::Estimator& model, const ml::TrainingData& data);
  // Metric::compute by name; a metric that cannot score these predictions gives NaN and a warning.
  static double score(const std::string& metric, const Predictions& predictions, std::vector<std::string>& warnings,
                      const std::string& where);
  // mean and std (ddof 0) of the finite values in `summary.perFold`.
  static void summarise(MetricSummary& summary);
};

}  // namespace lathe::eval
