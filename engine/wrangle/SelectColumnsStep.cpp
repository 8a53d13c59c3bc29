#include "engine/wrangle/SelectColumnsStep.h"

#include "engine/wrangle/StepSupport.h"

namespace lathe::wrangle {

SelectColumnsStep::SelectColumnsStep(std::vector<std::string> columns) : columns_(std::move(columns)) {}

std::unique_ptr<RecipeStep> SelectColumnsStep::fromParameters(const nlohmann::json& parameters) {
  return std::make_unique<SelectColumnsStep>(namesParameter(parameters, "columns", kKind));
}

nlohmann::json SelectColumnsStep::parameters() const { return {{"columns", columns_}}; }

std::string SelectColumnsStep::describe() const {
  return "keep " + std::to_string(columns_.size()) + " column" + (columns_.size() == 1 ? "" : "s");
}

data::Table SelectColumnsStep::apply(const data::Table& table, const jobs::JobContext*) const {
  std::vector<std::size_t> indices;
  for (const auto& name : columns_) indices.push_back(requireColumnIndex(table, name, kKind));
  return table.select(indices);
}

}  // namespace lathe::wrangle
