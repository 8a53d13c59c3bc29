#pragma once
#include <map>
#include <span>
#include <string>
#include <vector>

#include "engine/wrangle/RecipeStep.h"

namespace lathe::wrangle {

// The Yeo-Johnson power transform of number columns, float64 under the same name, with each
// column's lambda fitted on the training rows by maximum likelihood (Brent's method from the
// bracket (-2, 2)), like scikit-learn's PowerTransformer(method="yeo-johnson",
// standardize=False). It makes skewed columns more Gaussian and, unlike log, takes any sign.
class PowerTransformStep final : public RecipeStep {
 public:
  explicit PowerTransformStep(std::vector<std::string> columns);
  // {"columns":[..]}
  static std::unique_ptr<RecipeStep> fromParameters(const nlohmann::json& parameters);

  std::string kind() const override { return "power"; }
  nlohmann::json parameters() const override;
  std::string describe() const override;
  void fit(const data::Table& training, const jobs::JobContext* context) override;
  data::Table apply(const data::Table& table, const jobs::JobContext* context) const override;
  // {"lambdas":{"<column>":lambda}}
  nlohmann::json fittedState() const override;
  void restoreFittedState(const nlohmann::json& state) override;
  std::unique_ptr<RecipeStep> clone() const override { return std::make_unique<PowerTransformStep>(*this); }

  double lambda(const std::string& column) const;
  static double yeoJohnson(double x, double lambda);
  // The maximum-likelihood lambda for the (non-missing) values; 1 (no change) for fewer than
  // two distinct values, where the likelihood has no maximum.
  static double fitLambda(std::span<const double> values, const jobs::JobContext* context);

 private:
  std::vector<std::string> columns_;
  std::map<std::string, double> lambdas_;
};

}  // namespace lathe::wrangle
