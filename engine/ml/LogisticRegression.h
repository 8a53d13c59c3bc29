#pragma once
#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "engine/ml/Estimator.h"

namespace lathe::ml {

// Logistic regression ("logistic"), as scikit-learn's LogisticRegression: binary (one weight
// vector, class 1 positive) or multinomial (softmax, one weight vector per class), minimising
// C * sum of log losses + penalty(w), the intercept unpenalised:
//  - penalty "l2" (default): 1/2 ||w||^2, solved by L-BFGS (sklearn's lbfgs);
//  - "l1": ||w||_1, solved by accelerated proximal gradient (FISTA; as sklearn's saga);
//  - "none": no penalty (separable data then stops at max_iter, as in sklearn).
// The features are standardised internally for conditioning, with the penalty rescaled so the
// problem solved is exactly sklearn's on the original scale; coefficients and predictions are
// reported on the original scale.
// Parameters and defaults: C 1.0, penalty l2, fit_intercept true, tol 1e-4 (as sklearn);
// max_iter 1000 (sklearn: 100 — our L-BFGS runs to a gradient 100 x tighter than sklearn's
// tol, 1e-2 x tol on sklearn's summed objective; l1 allows 10 x max_iter proximal steps).
// Missing values and infinities are not handled: fit() and predict() refuse them naming the
// feature (the recipe's fill step is the cure). Feature importances: |coef| x feature std
// summed over classes, normalised to sum to 1.
class LogisticRegression final : public Estimator {
 public:
  enum class Penalty { None, L2, L1 };
  struct Parameters {
    Penalty penalty = Penalty::L2;
    double c = 1.0;
    bool fitIntercept = true;
    int maxIter = 1000;
    double tol = 1e-4;
  };
  // Validates `parameters`: unknown names and bad values are lathe::Error(InvalidArgument).
  static std::unique_ptr<Estimator> create(const nlohmann::json& parameters);
  explicit LogisticRegression(const Parameters& parameters) : p_(parameters) {}

  std::string algorithm() const override { return "logistic"; }
  nlohmann::json parameters() const override;
  bool supports(Task task) const override { return isClassification(task); }
  void fit(const TrainingData& data, const jobs::JobContext& context) override;
  std::vector<double> predict(const FeatureMatrix& x) const override;
  ClassProbabilities predictProba(const FeatureMatrix& x) const override;
  std::vector<double> featureImportances() const override;
  void save(ModelWriter& out) const override;
  void load(ModelReader& in) override;
  std::unique_ptr<Estimator> clone() const override { return std::make_unique<LogisticRegression>(p_); }

  // Original-scale coefficients: outputs x features, row-major (one output when binary), and
  // one intercept per output.
  const std::vector<double>& coefficients() const noexcept { return coef_; }
  const std::vector<double>& intercepts() const noexcept { return intercept_; }
  std::size_t classCount() const noexcept { return classes_; }
  int iterations() const noexcept { return iterations_; }

 private:
  std::size_t outputs() const noexcept { return classes_ == 2 ? 1 : classes_; }

  Parameters p_;
  std::size_t classes_ = 0;
  std::size_t features_ = 0;
  std::vector<double> coef_;
  std::vector<double> intercept_;
  std::vector<double> featureStd_;
  int iterations_ = 0;
};

}  // namespace lathe::ml
