#include "engine/pipeline/nodes/RecipeNode.h"

#include <mutex>

#include "engine/core/Error.h"
#include "engine/jobs/JobContext.h"
#include "engine/pipeline/nodes/NodeSupport.h"
#include "engine/pipeline/nodes/TableLineage.h"
#include "engine/store/DatasetRepository.h"
#include "engine/store/Project.h"
#include "engine/wrangle/Recipe.h"

namespace lathe::pipeline {
namespace {

using nlohmann::json;

wrangle::Recipe recipeOf(const json& parameters) {
  const auto steps = parameters.find("steps");
  if (steps == parameters.end() || !steps->is_array()) throw Error(ErrorCode::Parse, "\"steps\" must be a list of recipe steps");
  return wrangle::Recipe::fromJson({{"version", 1}, {"steps", *steps}});
}

std::vector<std::string> check(const json& parameters) {
  try {
    recipeOf(parameters);
  } catch (const Error& e) {
    return {e.message()};
  }
  return {};
}

std::vector<NodeValue> run(const NodeRunInput& input, jobs::JobContext& context) {
  const auto source = NodeSupport::table(input, 0, "table");
  wrangle::Recipe recipe = recipeOf(input.parameters);
  if (recipe.size() == 0) {
    NodeValue value = NodeValue::of(PortType::Table, source, input.inputs[0]->fingerprint);
    value.lineage = input.inputs[0]->lineage;
    return {std::move(value)};
  }
  const PipelineEnvironment* environment = PipelineEnvironment::of(input);
  if (environment && environment->project) {
    // Only steps that read other datasets call this; the connection opens on first use.
    auto project = environment->project;
    auto db = std::make_shared<std::optional<store::Database>>();
    recipe.resolveInputs([project, db, &context](std::int64_t versionId) {
      if (!*db) db->emplace(project->connect());
      return std::make_shared<const data::Table>(store::DatasetRepository(**db).loadTable(versionId, {}, &context));
    });
  }
  auto result = std::make_shared<const data::Table>(recipe.fit(*source, &context));
  context.throwIfStopped();
  NodeValue value = NodeValue::of(PortType::Table, std::move(result));
  value.lineage = TableLineage::withRecipe(TableLineage::of(&*input.inputs[0], *source), recipe);
  return {std::move(value)};
}

}  // namespace

NodeType RecipeNode::type() {
  NodeType type;
  type.id = kId;
  type.title = "Recipe";
  type.inputs = {{"table", PortType::Table}};
  type.outputs = {{"table", PortType::Table}};
  type.defaultParameters = {{"steps", json::array()}};
  type.check = check;
  type.run = run;
  return type;
}

}  // namespace lathe::pipeline
