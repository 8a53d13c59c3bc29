#pragma once
#include <map>
#include <string>
#include <vector>

#include "engine/wrangle/RecipeStep.h"

namespace lathe::wrangle {

// Scaling number columns, fitted on the training rows (missing values ignored, like
// scikit-learn), output float64 under the same name:
//   standard: (x - mean) / std, std with ddof 0 like StandardScaler;
//   min_max:  the training range mapped onto [low, high] (default [0, 1]) like MinMaxScaler;
//   robust:   (x - median) / IQR (25th to 75th percentile) like RobustScaler.
// A constant column scales by 1 instead of dividing by zero, as scikit-learn does.
class ScaleStep final : public RecipeStep {
 public:
  enum class Method { Standard, MinMax, Robust };
  // out = (x - center) / scale + offset
  struct Fitted {
    double center = 0.0;
    double scale = 1.0;
    double offset = 0.0;
  };

  explicit ScaleStep(std::vector<std::string> columns, Method method = Method::Standard, double low = 0.0,
                     double high = 1.0);
  // {"columns":[..], "method":"standard|min_max|robust", "range":[0,1]}
  static std::unique_ptr<RecipeStep> fromParameters(const nlohmann::json& parameters);

  std::string kind() const override { return "scale"; }
  nlohmann::json parameters() const override;
  std::string describe() const override;
  void fit(const data::Table& training, const jobs::JobContext* context) override;
  data::Table apply(const data::Table& table, const jobs::JobContext* context) const override;
  // {"columns":{"<column>":{"center":c,"scale":s,"offset":o}}}
  nlohmann::json fittedState() const override;
  void restoreFittedState(const nlohmann::json& state) override;
  std::unique_ptr<RecipeStep> clone() const override { return std::make_unique<ScaleStep>(*this); }

  const Fitted& fitted(const std::string& column) const;

 private:
  std::vector<std::string> columns_;
  Method method_;
  double low_;
  double high_;
  std::map<std::string, Fitted> fitted_;
};

}  // namespace lathe::wrangle
