#pragma once
#include <memory>
#include <string>
#include <vector>

#include "engine/ml/Estimator.h"

namespace lathe::ml {

// Principal component analysis ("pca"), as scikit-learn's PCA(svd_solver="full"): the SVD
// (Eigen's BDCSVD) of the centred features, or for at most 64 well-conditioned features and
// ten rows per feature the eigenvectors of their covariance (the same components, one pass over
// the rows), signs fixed as sklearn's svd_flip does so that
// results are reproducible. n_components: null (default, as sklearn) keeps min(rows, features);
// an integer keeps that many; a number in (0, 1) keeps the fewest components explaining more
// than that fraction of the variance. Features must be finite (NaN/inf: InvalidArgument).
// predict() returns each row's score on the first component (transform()'s first column), so
// that a pipeline's single prediction column is the most informative projection.
class Pca final : public Estimator {
 public:
  struct Parameters {
    int components = 0;            // 0: all (n_components null)
    double varianceFraction = 0.0;  // in (0, 1) when n_components was given as a fraction
  };
  Pca() = default;
  explicit Pca(Parameters parameters) : params_(parameters) {}

  std::string algorithm() const override { return "pca"; }
  nlohmann::json parameters() const override;
  bool supports(Task task) const override { return task == Task::Clustering; }
  void fit(const TrainingData& data, const jobs::JobContext& context) override;
  std::vector<double> predict(const FeatureMatrix& x) const override;
  void save(ModelWriter& out) const override;
  void load(ModelReader& in) override;
  std::unique_ptr<Estimator> clone() const override { return std::make_unique<Pca>(params_); }

  // rows x kept components, columns "pc1", "pc2", ...
  FeatureMatrix transform(const FeatureMatrix& x) const;
  std::size_t componentCount() const noexcept { return explainedVariance_.size(); }
  // components x features, row-major (sklearn's components_).
  const std::vector<double>& components() const noexcept { return components_; }
  const std::vector<double>& mean() const noexcept { return mean_; }
  const std::vector<double>& explainedVariance() const noexcept { return explainedVariance_; }
  const std::vector<double>& explainedVarianceRatio() const noexcept { return explainedVarianceRatio_; }
  const std::vector<double>& singularValues() const noexcept { return singularValues_; }

 private:
  Parameters params_;
  std::vector<double> mean_;
  std::vector<double> components_;
  std::vector<double> explainedVariance_;
  std::vector<double> explainedVarianceRatio_;
  std::vector<double> singularValues_;
};

}  // namespace lathe::ml
