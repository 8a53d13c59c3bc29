#pragma once
#include <memory>

#include <nlohmann/json.hpp>

#include "engine/data/Table.h"
#include "engine/pipeline/NodeValue.h"
#include "engine/wrangle/Recipe.h"

namespace lathe::pipeline {

// How a table on a link was made from the data the pipeline read: the source's columns and the
// fitted recipes applied since, {"source_schema": [{"name", "type"}...], "recipes":
// [{"definition", "state"}...]}. Import starts it, Recipe extends it, Split passes it on, and
// Train, Tune and AutoML store it with their runs, so registering the model repeats the recipes
// on raw rows (deploy::ScoringModel).
class TableLineage {
 public:
  // A fresh lineage whose source is `table`.
  static std::shared_ptr<const nlohmann::json> source(const data::Table& table);
  // The lineage `input` carries, or a fresh one from `table` when it carries none.
  static std::shared_ptr<const nlohmann::json> of(const NodeValue* input, const data::Table& table);
  // `lineage` followed by `recipe`, fitted.
  static std::shared_ptr<const nlohmann::json> withRecipe(const std::shared_ptr<const nlohmann::json>& lineage,
                                                          const wrangle::Recipe& recipe);
  // As stored with a run: "{}" when unknown.
  static std::string text(const NodeValue* input);
};

}  // namespace lathe::pipeline
