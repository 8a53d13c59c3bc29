#pragma once
#include <string>
#include <vector>

#include "engine/wrangle/RecipeStep.h"

namespace lathe::wrangle {

// The natural log of number columns, float64 under the same name. A value that has no log
// (zero or below; -1 or below with log1p) becomes missing rather than -inf or NaN, so the user
// sees it in the column's missing count. With log1p the step takes log(1 + x), which keeps zeros.
class LogTransformStep final : public RecipeStep {
 public:
  explicit LogTransformStep(std::vector<std::string> columns, bool log1p = false);
  // {"columns":[..], "log1p":false}
  static std::unique_ptr<RecipeStep> fromParameters(const nlohmann::json& parameters);

  std::string kind() const override { return "log"; }
  nlohmann::json parameters() const override;
  std::string describe() const override;
  data::Table apply(const data::Table& table, const jobs::JobContext* context) const override;
  std::unique_ptr<RecipeStep> clone() const override { return std::make_unique<LogTransformStep>(*this); }

 private:
  std::vector<std::string> columns_;
  bool log1p_;
};

}  // namespace lathe::wrangle
