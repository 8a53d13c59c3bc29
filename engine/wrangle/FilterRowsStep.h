#pragma once
#include <string>

#include "engine/expr/Formula.h"
#include "engine/wrangle/RecipeStep.h"

namespace lathe::wrangle {

// Keeps the rows where a formula is true; a missing result counts as false (like SQL's WHERE).
// The formula must give true/false. A row step: the recipe skips it when scoring a batch.
// Parameters: {"formula": "..."}.
class FilterRowsStep final : public RecipeStep {
 public:
  static constexpr const char* kKind = "filter_rows";
  explicit FilterRowsStep(expr::Formula formula);
  static std::unique_ptr<RecipeStep> fromParameters(const nlohmann::json& parameters);

  std::string kind() const override { return kKind; }
  nlohmann::json parameters() const override;
  std::string describe() const override;
  data::Table apply(const data::Table& table, const jobs::JobContext* context) const override;
  bool keepsRows() const override { return false; }
  std::unique_ptr<RecipeStep> clone() const override { return std::make_unique<FilterRowsStep>(*this); }

 private:
  expr::Formula formula_;
};

}  // namespace lathe::wrangle
