#include "engine/wrangle/DerivedColumnStep.h"

#include "engine/core/Error.h"
#include "engine/wrangle/FormulaSupport.h"
#include "engine/wrangle/StepSupport.h"

namespace lathe::wrangle {

DerivedColumnStep::DerivedColumnStep(std::string name, expr::Formula formula)
    : name_(std::move(name)), formula_(std::move(formula)) {}

std::unique_ptr<RecipeStep> DerivedColumnStep::fromParameters(const nlohmann::json& parameters) {
  auto name = stringParameter(parameters, "name", kKind);
  return std::make_unique<DerivedColumnStep>(std::move(name),
                                             parseStepFormula(stringParameter(parameters, "formula", kKind), kKind));
}

nlohmann::json DerivedColumnStep::parameters() const { return {{"name", name_}, {"formula", formula_.text()}}; }

std::string DerivedColumnStep::describe() const { return name_ + " = " + formula_.text(); }

data::Table DerivedColumnStep::apply(const data::Table& table, const jobs::JobContext* context) const {
  std::shared_ptr<const data::Column> column;
  try {
    column = formula_.evaluate(table, name_, context);
  } catch (const Error&) {
    rethrowWithKind(kKind);
  }
  if (const auto index = table.indexOf(name_)) return replaceColumn(table, *index, {std::move(column)});
  auto columns = table.columns();
  columns.push_back(std::move(column));
  return data::Table(std::move(columns));
}

}  // namespace lathe::wrangle
