#pragma once
#include <cstdint>
#include <map>
#include <span>
#include <string>
#include <vector>

#include "engine/wrangle/RecipeStep.h"

namespace lathe::wrangle {

// Binning number columns into k bins whose edges are fitted on the training rows:
//   equal_width: k bins of equal width between the minimum and the maximum;
//   quantile:    edges at the k-quantiles, so each bin holds about as many rows
//                (edges closer than 1e-8 merge, so a column with few values gets fewer bins),
// like scikit-learn's KBinsDiscretizer (uniform / quantile). Bin i holds edge[i] <= x < edge[i+1];
// values beyond the fitted range go to the first or last bin. The output, under the same name,
// is a categorical column of "[a, b)" labels (the last bin "[a, b]") or the int64 bin number.
class BinStep final : public RecipeStep {
 public:
  enum class Method { EqualWidth, Quantile };
  enum class Output { Labels, Codes };

  BinStep(std::vector<std::string> columns, Method method, int bins, Output output = Output::Labels);
  // {"columns":[..], "method":"equal_width|quantile", "bins":5, "output":"labels|codes"}
  static std::unique_ptr<RecipeStep> fromParameters(const nlohmann::json& parameters);

  std::string kind() const override { return "bin"; }
  nlohmann::json parameters() const override;
  std::string describe() const override;
  void fit(const data::Table& training, const jobs::JobContext* context) override;
  data::Table apply(const data::Table& table, const jobs::JobContext* context) const override;
  // {"edges":{"<column>":[e0, e1, ...]}}
  nlohmann::json fittedState() const override;
  void restoreFittedState(const nlohmann::json& state) override;
  std::unique_ptr<RecipeStep> clone() const override { return std::make_unique<BinStep>(*this); }

  const std::vector<double>& edges(const std::string& column) const;
  // "[a, b)" for bin `bin` of `edges`, "[a, b]" for the last one.
  static std::string label(std::span<const double> edges, std::size_t bin);

 private:
  std::vector<std::string> columns_;
  Method method_;
  int bins_;
  Output output_;
  std::map<std::string, std::vector<double>> edges_;
};

}  // namespace lathe::wrangle
