#include "engine/deploy/RegisterModelJob.h"

#include <deque>

#include "engine/core/Error.h"
#include "engine/deploy/ModelRegistry.h"
#include "engine/experiments/BusinessValueCurve.h"
#include "engine/experiments/TrainedModel.h"
#include "engine/jobs/JobContext.h"
#include "engine/store/DatasetRepository.h"
#include "engine/store/Project.h"
#include "engine/store/ProjectInfoRepository.h"
#include "engine/store/RecipeRepository.h"
#include "engine/store/RunRepository.h"
#include "engine/wrangle/Recipe.h"

namespace lathe::deploy {
namespace {

using nlohmann::json;

[[noreturn]] void invalid(const std::string& message) { throw Error(ErrorCode::InvalidArgument, message); }

struct Link {
  std::int64_t parentVersionId;
  std::int64_t recipeId;
};

json metricsOf(const store::ExperimentRun& run) {
  json metrics = json::object();
  for (const auto& metric : run.metrics)
    if (std::isfinite(metric.value)) metrics[metric.split][metric.name] = metric.value;
  return metrics;
}

// The columns the model's encoder reads, with the types they had in training.
InputSchema featureSchema(const experiments::TrainedModel& model) {
  InputSchema schema;
  // Held by name: ranging over state()["features"] would read a temporary already destroyed.
  const json state = model.encoder.state();
  for (const auto& feature : state.at("features")) {
    const auto type = data::columnTypeFromName(feature["type"].get<std::string>());
    schema.push_back({feature["column"].get<std::string>(), type.value_or(data::ColumnType::Float64)});
  }
  return schema;
}

}  // namespace

RegisterModelJob::RegisterModelJob(std::shared_ptr<const store::Project> project, std::int64_t runId, std::string name)
    : project_(std::move(project)), runId_(runId), modelName_(std::move(name)) {}

void RegisterModelJob::run(jobs::JobContext& context) {
  project_->requireWritable();
  store::Database db = project_->connect();
  store::RunRepository runs(db);
  const auto run = runs.get(runId_);
  if (!run) invalid("there is no run " + std::to_string(runId_));
  if (run->status != store::RunStatus::Finished) invalid("run " + std::to_string(runId_) + " did not finish");
  const auto artifact = runs.model(runId_);
  if (!artifact) invalid("run " + std::to_string(runId_) + " kept no model");
  if (artifact->format != experiments::TrainedModel::kFormat)
    invalid("run " + std::to_string(runId_) + " kept its model as \"" + artifact->format + "\", which cannot be deployed");
  const std::string bytes(artifact->bytes.begin(), artifact->bytes.end());
  const auto model = experiments::TrainedModel::deserialize(bytes);
  if (!run->datasetVersionId) {
    // A pipeline's run: its table arrived on a link. The pipeline recorded how it was made (the
    // source's columns, the recipes fitted on the way); without that, the model's own feature
    // columns are what a request must hold.
    ModelVersionContent content;
    const json lineage = json::parse(run->lineageJson, nullptr, false);
    if (lineage.is_object() && lineage.contains("recipes") && lineage["recipes"].is_array() &&
        !lineage["recipes"].empty() && lineage.contains("source_schema")) {
      content.recipes = lineage["recipes"];
      for (const auto& column : lineage["source_schema"]) {
        const std::string name = column.value("name", std::string());
        const auto type = data::columnTypeFromName(column.value("type", std::string()));
        if (!name.empty() && type && name != run->target) content.info.inputSchema.push_back({name, *type});
      }
    } else {
      content.info.inputSchema = featureSchema(model);
    }
    finish(db, *run, model, bytes, std::move(content), "", context);
    return;
  }


  // The lineage, oldest link first: each version made by a recipe from its parent.
  store::DatasetRepository datasets(db);
  const auto trained = datasets.version(*run->datasetVersionId);
  if (!trained) invalid("the data that trained run " + std::to_string(runId_) + " is no longer in the project");
  std::deque<Link> links;
  auto root = *trained;
  while (root.origin.parentVersionId && root.origin.recipeId) {
    links.push_front({*root.origin.parentVersionId, *root.origin.recipeId});
    const auto parent = datasets.version(*root.origin.parentVersionId);
    if (!parent) invalid("dataset version " + std::to_string(*root.origin.parentVersionId) + " of the lineage is gone");
    root = *parent;
  }

  ModelVersionContent content;
  store::RecipeRepository stored(db);
  for (std::size_t i = 0; i < links.size(); ++i) {
    const auto recipeRow = stored.get(links[i].recipeId);
    if (!recipeRow) invalid("recipe " + std::to_string(links[i].recipeId) + " of the lineage is gone");
    const json definition = json::parse(recipeRow->definitionJson);
    wrangle::Recipe recipe = wrangle::Recipe::fromJson(definition);
    recipe.resolveInputs([&datasets](std::int64_t id) { return std::make_shared<const data::Table>(datasets.loadTable(id)); });
    const double from = 0.9 * double(i) / double(links.size());
    const double to = 0.9 * double(i + 1) / double(links.size());
    const auto loading = context.subRange(from, (from + to) / 2);
    const data::Table input = datasets.loadTable(links[i].parentVersionId, {}, &loading);
    const auto fitting = context.subRange((from + to) / 2, to);
    recipe.fit(input, &fitting);
    content.recipes.push_back({{"definition", definition}, {"state", recipe.fittedState()}});
  }
  context.throwIfStopped();

  // What a request must hold: with no recipe, the model's own features; after recipes, every
  // column of the source data but the target (a recipe may read any of them).
  auto& info = content.info;
  if (links.empty()) {
    info.inputSchema = featureSchema(model);
  } else {
    for (const auto& column : datasets.columns(root.id))
      if (column.name != run->target) info.inputSchema.push_back({column.name, column.type});
  }
  finish(db, *run, model, bytes, std::move(content), trained->contentHash, context);
}

void RegisterModelJob::finish(store::Database& db, const store::ExperimentRun& run, const experiments::TrainedModel& model,
                              const std::string& bytes, ModelVersionContent content, const std::string& dataHash,
                              jobs::JobContext& context) {
  auto& info = content.info;
  info.model = modelName_;
  info.runId = runId_;
  info.task = std::string(ml::taskName(model.encoder.task()));
  info.algorithm = run.algorithm;
  info.target = run.target;
  info.trainingDataHash = dataHash;
  info.metrics = metricsOf(run);
  if (model.encoder.task() == ml::Task::Binary) {
    info.threshold = 0.5;
    const auto project = store::ProjectInfoRepository(db).load();
    if (project.costs.isSet())
      if (const auto curve = experiments::BusinessValueCurve::of(run, project.costs, project.kpi))
        info.threshold = curve->bestPoint().threshold;
  }
  content.modelBytes = bytes;
  // The version must score before it is stored: a recipe that cannot be restored fails here.
  ScoringModel::load(content.modelBytes, content.recipes, info.inputSchema, info.target, info.threshold);
  context.progress(0.95, "registering");
  registered_ = ModelRegistry(db).add(content);
  context.progress(1.0, "registered");
}

}  // namespace lathe::deploy
