#pragma once
#include <memory>

#include "engine/ml/Estimator.h"
#include "engine/ml/MissingValueImputer.h"

namespace lathe::ml {

// Any estimator with a MissingValueImputer in front: the parameter impute = "median" on any
// algorithm (EstimatorRegistry wraps it), so logistic, knn, naive_bayes, mlp and the others that
// refuse NaN learn from data with gaps. The fill values are learned in fit() from the training
// rows only, saved with the model and applied at every predict.
class ImputedEstimator final : public Estimator {
 public:
  static constexpr const char* kParameter = "impute";
  static constexpr const char* kMedian = "median";

  explicit ImputedEstimator(std::unique_ptr<Estimator> inner);

  std::string algorithm() const override { return inner_->algorithm(); }
  nlohmann::json parameters() const override;
  bool supports(Task task) const override { return inner_->supports(task); }
  void fit(const TrainingData& data, const jobs::JobContext& context) override;
  std::vector<double> predict(const FeatureMatrix& x) const override;
  ClassProbabilities predictProba(const FeatureMatrix& x) const override;
  Prediction predictWithProbabilities(const FeatureMatrix& x) const override;
  std::vector<double> featureImportances() const override { return inner_->featureImportances(); }
  void save(ModelWriter& out) const override;
  void load(ModelReader& in) override;
  std::unique_ptr<Estimator> clone() const override;

  // The wrapped estimator (a tree's structure, an MLP's loss curve).
  const Estimator& inner() const noexcept { return *inner_; }
  const MissingValueImputer& imputer() const noexcept { return imputer_; }

 private:
  std::unique_ptr<Estimator> inner_;
  MissingValueImputer imputer_;
};

}  // namespace lathe::ml
