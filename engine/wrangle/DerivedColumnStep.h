#pragma once
#include <string>

#include "engine/expr/Formula.h"
#include "engine/wrangle/RecipeStep.h"

namespace lathe::wrangle {

// A column computed from a formula over the others (engine/expr/Formula.h): "bmi = mass / h^2".
// A column of that name is replaced in place; otherwise the new one goes last. The formula is
// parsed when the step is made, so a typo is an error in the recipe, not at run time.
// Parameters: {"name": "new column", "formula": "..."}.
class DerivedColumnStep final : public RecipeStep {
 public:
  static constexpr const char* kKind = "derived_column";
  DerivedColumnStep(std::string name, expr::Formula formula);
  static std::unique_ptr<RecipeStep> fromParameters(const nlohmann::json& parameters);

  std::string kind() const override { return kKind; }
  nlohmann::json parameters() const override;
  std::string describe() const override;
  data::Table apply(const data::Table& table, const jobs::JobContext* context) const override;
  std::unique_ptr<RecipeStep> clone() const override { return std::make_unique<DerivedColumnStep>(*this); }

 private:
  std::string name_;
  expr::Formula formula_;
};

}  // namespace lathe::wrangle
