#include "engine/pipeline/nodes/TableLineage.h"

namespace lathe::pipeline {

using nlohmann::json;

std::shared_ptr<const json> TableLineage::source(const data::Table& table) {
  json schema = json::array();
  for (const auto& column : table.columns())
    schema.push_back({{"name", column->name()}, {"type", data::columnTypeName(column->type())}});
  return std::make_shared<const json>(json{{"source_schema", schema}, {"recipes", json::array()}});
}

std::shared_ptr<const json> TableLineage::of(const NodeValue* input, const data::Table& table) {
  return input && input->lineage ? input->lineage : source(table);
}

std::shared_ptr<const json> TableLineage::withRecipe(const std::shared_ptr<const json>& lineage,
                                                     const wrangle::Recipe& recipe) {
  json extended = *lineage;
  extended["recipes"].push_back({{"definition", recipe.toJson()}, {"state", recipe.fittedState()}});
  return std::make_shared<const json>(std::move(extended));
}

std::string TableLineage::text(const NodeValue* input) {
  return input && input->lineage ? input->lineage->dump() : std::string("{}");
}

}  // namespace lathe::pipeline
