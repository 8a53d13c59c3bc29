#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "engine/ml/Estimator.h"
#include "engine/ml/TrainingData.h"

namespace lathe::jobs {
class JobContext;
}

namespace lathe::eval {

struct PermutationImportanceOptions {
  std::size_t repeats = 5;  // scikit-learn's n_repeats
  std::uint64_t seed = 0;
  std::string metric;  // empty: the task's headline metric (Metric::defaultsFor(task).front())
};

// How much the score drops when one feature's values are shuffled (positive: the model needs the
// feature), one value per repeat, with their mean and standard deviation (ddof 0, as scikit-learn).
struct FeatureImportance {
  std::string feature;
  double mean = 0.0;
  double std = 0.0;
  std::vector<double> drops;
};

struct PermutationImportanceResult {
  std::string metric;
  double baselineScore = 0.0;  // the fitted model's score on the unshuffled data
  std::vector<FeatureImportance> features;  // in the data's column order
};

// scikit-learn's permutation_importance for a fitted model on the rows given (usually held-out
// rows): for each feature and repeat, shuffle that column (a fresh seeded permutation of the
// rows), predict, and take the drop of the metric (the rise, for a loss such as log_loss or rmse).
// Features run one after another (predict is not assumed thread-safe); memory is one copy of the
// features. Progress per feature, Cancel between repeats. Throws lathe::Error(InvalidArgument)
// for no rows, repeats outside 1..1000, clustering, an unknown metric, or a metric that cannot
// score the unshuffled predictions.
class PermutationImportance {
 public:
  static PermutationImportanceResult compute(const ml::Estimator& fitted, const ml::TrainingData& data,
                                             const PermutationImportanceOptions& options, const jobs::JobContext& context);
};

}  // namespace lathe::eval
