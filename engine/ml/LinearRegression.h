#pragma once
#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "engine/ml/Estimator.h"

namespace lathe::ml {

// Linear regression ("linear"), as scikit-learn's LinearRegression, Ridge, Lasso and ElasticNet,
// chosen by "penalty":
//  - none (default): ordinary least squares, the minimum-norm solution when columns are
//    collinear or outnumber the rows (as sklearn's lstsq).
//  - l2: ridge, minimises ||y - Xw||^2 + alpha ||w||^2 (sklearn Ridge).
//  - l1, elasticnet: minimise 1/(2n) ||y - Xw||^2 + alpha l1_ratio ||w||_1
//    + alpha (1 - l1_ratio)/2 ||w||^2 by cyclic coordinate descent with sklearn's duality-gap
//    stopping rule (sklearn Lasso / ElasticNet; l1 forces l1_ratio = 1).
// Parameters and defaults (sklearn's): alpha 1.0, l1_ratio 0.5, fit_intercept true,
// max_iter 1000, tol 1e-4. The intercept is never penalised.
// Missing values and infinities are not handled: fit() and predict() refuse them naming the
// feature (the recipe's fill step is the cure). Feature importances: |coef| x feature std,
// normalised to sum to 1.
class LinearRegression final : public Estimator {
 public:
  enum class Penalty { None, L2, L1, ElasticNet };
  struct Parameters {
    Penalty penalty = Penalty::None;
    double alpha = 1.0;
    double l1Ratio = 0.5;
    bool fitIntercept = true;
    int maxIter = 1000;
    double tol = 1e-4;
  };
  // Validates `parameters`: unknown names and bad values are lathe::Error(InvalidArgument).
  static std::unique_ptr<Estimator> create(const nlohmann::json& parameters);
  explicit LinearRegression(const Parameters& parameters) : p_(parameters) {}

  std::string algorithm() const override { return "linear"; }
  nlohmann::json parameters() const override;
  bool supports(Task task) const override { return task == Task::Regression; }
  void fit(const TrainingData& data, const jobs::JobContext& context) override;
  std::vector<double> predict(const FeatureMatrix& x) const override;
  std::vector<double> featureImportances() const override;
  void save(ModelWriter& out) const override;
  void load(ModelReader& in) override;
  std::unique_ptr<Estimator> clone() const override { return std::make_unique<LinearRegression>(p_); }

  const std::vector<double>& coefficients() const noexcept { return coef_; }
  double intercept() const noexcept { return intercept_; }
  // Coordinate-descent passes made by the last fit (0 for the closed forms).
  int iterations() const noexcept { return iterations_; }

 private:
  Parameters p_;
  std::vector<double> coef_;
  std::vector<double> featureStd_;
  double intercept_ = 0.0;
  int iterations_ = 0;
};

}  // namespace lathe::ml
