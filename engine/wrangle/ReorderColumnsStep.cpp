#include "engine/wrangle/ReorderColumnsStep.h"

#include <set>

#include "engine/wrangle/StepSupport.h"

namespace lathe::wrangle {

ReorderColumnsStep::ReorderColumnsStep(std::vector<std::string> columns) : columns_(std::move(columns)) {}

std::unique_ptr<RecipeStep> ReorderColumnsStep::fromParameters(const nlohmann::json& parameters) {
  return std::make_unique<ReorderColumnsStep>(namesParameter(parameters, "columns", kKind));
}

nlohmann::json ReorderColumnsStep::parameters() const { return {{"columns", columns_}}; }

std::string ReorderColumnsStep::describe() const {
  return "move " + std::to_string(columns_.size()) + " column" + (columns_.size() == 1 ? "" : "s") + " to the front";
}

data::Table ReorderColumnsStep::apply(const data::Table& table, const jobs::JobContext*) const {
  std::vector<std::size_t> order;
  std::set<std::size_t> first;
  for (const auto& name : columns_) {
    order.push_back(requireColumnIndex(table, name, kKind));
    first.insert(order.back());
  }
  for (std::size_t i = 0; i < table.columnCount(); ++i)
    if (!first.contains(i)) order.push_back(i);
  return table.select(order);
}

}  // namespace lathe::wrangle
