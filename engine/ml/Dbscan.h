#pragma once
#include <memory>
#include <string>
#include <vector>

#include "engine/ml/Estimator.h"

namespace lathe::ml {

// Density-based clustering ("dbscan"), as scikit-learn's DBSCAN with the euclidean metric;
// defaults as sklearn: eps 0.5, min_samples 5 (a row counts itself). The training labels are
// sklearn's exactly: clusters numbered in the order of their first core row, a border row in the
// lowest-numbered cluster that reaches it, -1 for noise. Neighbourhoods come from a grid of
// eps-sized cells over the (up to 3) widest features, so memory stays linear in the rows
// whatever eps is. Features must be finite (NaN/inf: InvalidArgument); scale them first, eps is
// in their units.
// predict() on any rows: the label of the nearest core row within eps, else -1 (noise). On the
// training rows this is labels() for core and noise rows; a border row within eps of two
// clusters gets its nearest one.
class Dbscan final : public Estimator {
 public:
  struct Parameters {
    double eps = 0.5;
    int minSamples = 5;
    int threads = 0;  // 0: one per core
  };
  Dbscan() = default;
  explicit Dbscan(Parameters parameters) : params_(parameters) {}

  std::string algorithm() const override { return "dbscan"; }
  nlohmann::json parameters() const override;
  bool supports(Task task) const override { return task == Task::Clustering; }
  void fit(const TrainingData& data, const jobs::JobContext& context) override;
  std::vector<double> predict(const FeatureMatrix& x) const override;
  void save(ModelWriter& out) const override;
  void load(ModelReader& in) override;
  std::unique_ptr<Estimator> clone() const override { return std::make_unique<Dbscan>(params_); }

  // The training rows' clusters (sklearn's labels_), -1 for noise.
  const std::vector<int>& labels() const noexcept { return labels_; }
  // Training rows that are core samples (sklearn's core_sample_indices_), ascending.
  const std::vector<std::size_t>& coreSampleIndices() const noexcept { return coreIndices_; }
  int clusterCount() const noexcept { return clusters_; }

 private:
  Parameters params_;
  std::size_t features_ = 0;
  int clusters_ = 0;
  std::vector<int> labels_;
  std::vector<std::size_t> coreIndices_;
  std::vector<double> corePoints_;  // core rows x features, row-major
  std::vector<int> coreLabels_;
};

}  // namespace lathe::ml
