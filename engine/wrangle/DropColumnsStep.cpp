#include "engine/wrangle/DropColumnsStep.h"

#include <set>

#include "engine/wrangle/StepSupport.h"

namespace lathe::wrangle {

DropColumnsStep::DropColumnsStep(std::vector<std::string> columns) : columns_(std::move(columns)) {}

std::unique_ptr<RecipeStep> DropColumnsStep::fromParameters(const nlohmann::json& parameters) {
  return std::make_unique<DropColumnsStep>(namesParameter(parameters, "columns", kKind));
}

nlohmann::json DropColumnsStep::parameters() const { return {{"columns", columns_}}; }

std::string DropColumnsStep::describe() const {
  return "drop " + std::to_string(columns_.size()) + " column" + (columns_.size() == 1 ? "" : "s");
}

data::Table DropColumnsStep::apply(const data::Table& table, const jobs::JobContext*) const {
  std::set<std::size_t> dropped;
  for (const auto& name : columns_) dropped.insert(requireColumnIndex(table, name, kKind));
  std::vector<std::size_t> kept;
  for (std::size_t i = 0; i < table.columnCount(); ++i)
    if (!dropped.contains(i)) kept.push_back(i);
  return table.select(kept);
}

}  // namespace lathe::wrangle
