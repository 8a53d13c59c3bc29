#pragma once
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "engine/wrangle/RecipeStep.h"

namespace lathe::wrangle {

// Clipping outliers of number columns to bounds fitted on the training rows:
//   iqr:    [Q1 - k IQR, Q3 + k IQR] (Tukey's fences; k = 1.5 by default; quartiles interpolated
//           linearly like pandas' quantile);
//   zscore: [mean - t std, mean + t std] (t = 3 by default; std with ddof 0).
// Values beyond a bound become the bound; the output is float64 under the same name; missing
// values stay missing.
class ClipOutliersStep final : public RecipeStep {
 public:
  enum class Method { Iqr, ZScore };

  // `factor` is k for iqr and t for zscore.
  ClipOutliersStep(std::vector<std::string> columns, Method method, double factor);
  // {"columns":[..], "method":"iqr|zscore", "k":1.5, "threshold":3}
  static std::unique_ptr<RecipeStep> fromParameters(const nlohmann::json& parameters);

  std::string kind() const override { return "clip_outliers"; }
  nlohmann::json parameters() const override;
  std::string describe() const override;
  void fit(const data::Table& training, const jobs::JobContext* context) override;
  data::Table apply(const data::Table& table, const jobs::JobContext* context) const override;
  // {"bounds":{"<column>":[low, high]}}
  nlohmann::json fittedState() const override;
  void restoreFittedState(const nlohmann::json& state) override;
  std::unique_ptr<RecipeStep> clone() const override { return std::make_unique<ClipOutliersStep>(*this); }

  std::pair<double, double> bounds(const std::string& column) const;

 private:
  std::vector<std::string> columns_;
  Method method_;
  double factor_;
  std::map<std::string, std::pair<double, double>> bounds_;
};

}  // namespace lathe::wrangle
