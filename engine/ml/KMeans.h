#pragma once
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "engine/ml/Estimator.h"

namespace lathe::ml {

// k-means clustering ("kmeans"): k-means++ seeding and Lloyd iterations, as scikit-learn's
// KMeans(algorithm="lloyd"). Defaults are scikit-learn 1.2's: n_clusters 8, n_init 10 ("auto"
// means 1 run, as k-means++ in scikit-learn 1.4), max_iter 300, tol 1e-4 (relative to the mean
// feature variance), random_state null (a fresh seed each fit). The best of the n_init runs
// (lowest inertia) is kept. Features must be finite: NaN or inf is lathe::Error(InvalidArgument)
// naming the feature (fill missing values in the recipe). predict() gives the nearest centre.
class KMeans final : public Estimator {
 public:
  struct Parameters {
    int clusters = 8;
    int initRuns = 10;  // n_init
    int maxIterations = 300;
    double tolerance = 1e-4;
    std::optional<std::uint64_t> seed;  // random_state
    int threads = 0;  // 0: one per core
  };
  KMeans() = default;
  explicit KMeans(Parameters parameters) : params_(parameters) {}

  std::string algorithm() const override { return "kmeans"; }
  nlohmann::json parameters() const override;
  bool supports(Task task) const override { return task == Task::Clustering; }
  void fit(const TrainingData& data, const jobs::JobContext& context) override;
  std::vector<double> predict(const FeatureMatrix& x) const override;
  void save(ModelWriter& out) const override;
  void load(ModelReader& in) override;
  std::unique_ptr<Estimator> clone() const override { return std::make_unique<KMeans>(params_); }

  // Sum of squared distances of the training rows to their centre (scikit-learn's inertia_).
  double inertia() const noexcept { return inertia_; }
  // clusters x features, row-major.
  const std::vector<double>& centres() const noexcept { return centres_; }
  // The cluster of each training row (labels_).
  const std::vector<int>& labels() const noexcept { return labels_; }
  int iterations() const noexcept { return iterations_; }

 private:
  Parameters params_;
  std::size_t features_ = 0;
  std::vector<double> centres_;
  std::vector<int> labels_;
  double inertia_ = 0.0;
  int iterations_ = 0;
};

}  // namespace lathe::ml
