#include "engine/wrangle/FilterRowsStep.h"

#include <vector>

#include "engine/core/Error.h"
#include "engine/data/ColumnGather.h"
#include "engine/wrangle/FormulaSupport.h"
#include "engine/wrangle/StepSupport.h"

namespace lathe::wrangle {

FilterRowsStep::FilterRowsStep(expr::Formula formula) : formula_(std::move(formula)) {}

std::unique_ptr<RecipeStep> FilterRowsStep::fromParameters(const nlohmann::json& parameters) {
  return std::make_unique<FilterRowsStep>(parseStepFormula(stringParameter(parameters, "formula", kKind), kKind));
}

nlohmann::json FilterRowsStep::parameters() const { return {{"formula", formula_.text()}}; }

std::string FilterRowsStep::describe() const { return "keep rows where " + formula_.text(); }

data::Table FilterRowsStep::apply(const data::Table& table, const jobs::JobContext* context) const {
  std::shared_ptr<const data::Column> keep;
  try {
    keep = formula_.evaluate(table, "keep", context);
  } catch (const Error&) {
    rethrowWithKind(kKind);
  }
  if (keep->type() != data::ColumnType::Bool)
    throw Error(ErrorCode::InvalidArgument,
                std::string(kKind) + ": the formula '" + formula_.text() + "' gives " +
                    std::string(data::columnTypeName(keep->type())) + " values, not true/false",
                {}, formula_.text());
  const auto values = keep->boolValues();
  std::vector<std::size_t> rows;
  for (std::size_t row = 0; row < values.size(); ++row)
    if (values[row] && keep->isValid(row)) rows.push_back(row);
  throwIfStopped(context);
  if (rows.size() == table.rowCount()) return table;  // nothing dropped: share every column
  return data::gatherTable(table, rows);
}

}  // namespace lathe::wrangle
