#pragma once
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "engine/ml/Estimator.h"

namespace lathe::ml {

// Anomaly detection ("isolation_forest"), as scikit-learn's IsolationForest: each tree splits a
// random subsample on a random non-constant feature at a uniform random threshold down to depth
// ceil(log2(max_samples)); rows isolated in few splits are anomalies. Defaults as sklearn:
// n_estimators 100, max_samples "auto" = min(256, rows) (or a count, or a fraction in (0, 1]),
// contamination "auto" (threshold: score_samples < -0.5) or a fraction in (0, 0.5] (threshold:
// that quantile of the training scores), random_state null (a fresh seed each fit).
// predict(): 1 anomaly, 0 normal. Features must be finite (NaN/inf: InvalidArgument).
class IsolationForest final : public Estimator {
 public:
  struct Parameters {
    int trees = 100;               // n_estimators
    std::int64_t maxSamples = 0;   // 0: "auto" (or maxSamplesFraction when > 0)
    double maxSamplesFraction = 0.0;
    double contamination = 0.0;    // 0: "auto"
    std::optional<std::uint64_t> seed;
    int threads = 0;
  };
  IsolationForest() = default;
  explicit IsolationForest(Parameters parameters) : params_(parameters) {}

  std::string algorithm() const override { return "isolation_forest"; }
  nlohmann::json parameters() const override;
  bool supports(Task task) const override { return task == Task::Clustering; }
  void fit(const TrainingData& data, const jobs::JobContext& context) override;
  std::vector<double> predict(const FeatureMatrix& x) const override;
  void save(ModelWriter& out) const override;
  void load(ModelReader& in) override;
  std::unique_ptr<Estimator> clone() const override { return std::make_unique<IsolationForest>(params_); }

  // sklearn's score_samples: -2^(-mean path length / c(max_samples)), in [-1, 0); the lower,
  // the more abnormal. A forest fitted on one row scores every row -0.5 (as sklearn).
  std::vector<double> scoreSamples(const FeatureMatrix& x) const;
  // score_samples - offset: negative for anomalies (sklearn's decision_function).
  std::vector<double> decisionFunction(const FeatureMatrix& x) const;
  double offset() const noexcept { return offset_; }
  std::size_t maxSamplesUsed() const noexcept { return maxSamplesUsed_; }

 private:
  Parameters params_;
  std::size_t features_ = 0;
  std::size_t maxSamplesUsed_ = 0;
  double offset_ = -0.5;
  // All trees' nodes, flat; a tree's nodes are [treeStarts_[t], treeStarts_[t + 1]).
  std::vector<std::uint32_t> treeStarts_;
  std::vector<std::int32_t> feature_;   // -1 at a leaf
  std::vector<double> threshold_;       // go left when value <= threshold
  std::vector<std::int32_t> left_;      // index within the tree; right child = left + 1
  std::vector<double> leafDepth_;       // at a leaf: its depth + c(rows in the leaf)
};

}  // namespace lathe::ml
