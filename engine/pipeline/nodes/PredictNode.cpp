#include "engine/pipeline/nodes/PredictNode.h"

#include <cmath>

#include "engine/core/Error.h"
#include "engine/data/CsvWriter.h"
#include "engine/deploy/BatchScoringJob.h"
#include "engine/deploy/ScoringModel.h"
#include "engine/deploy/ModelRegistry.h"
#include "engine/jobs/JobContext.h"
#include "engine/ml/Task.h"
#include "engine/pipeline/nodes/ModelValue.h"
#include "engine/pipeline/PipelineEnvironment.h"
#include "engine/pipeline/nodes/NodeSupport.h"
#include "engine/store/Project.h"

namespace lathe::pipeline {
namespace {

using nlohmann::json;

std::vector<std::string> check(const json& parameters) {
  std::vector<std::string> problems;
  const json& keys = parameters["keys"];
  bool listOfNames = keys.is_array();
  for (const auto& key : keys) listOfNames = listOfNames && key.is_string();
  if (!listOfNames) problems.push_back("\"keys\" must be a list of column names");
  NodeSupport::requireString(parameters, "output", problems);
  NodeSupport::requireString(parameters, "model", problems);
  return problems;
}

std::string registeredModel(const json& parameters) { return NodeSupport::text(parameters, "model"); }

// The registered version the node scores with (its alias may move): part of its fingerprint.
std::string externalState(const json& parameters, const std::any& environment) {
  const std::string reference = registeredModel(parameters);
  if (reference.empty()) return "";
  const PipelineEnvironment* env = PipelineEnvironment::of(environment);
  if (!env || !env->project) return "no project";
  try {
    store::Database db = env->project->connect();
    return "model-version:" + std::to_string(deploy::ModelRegistry(db).resolve(reference).id);
  } catch (const Error&) {
    return "no such model:" + reference;
  }
}

// Scores with a registered version: its recipes, its threshold and decision, as batch scoring.
data::Table predictRegistered(const NodeRunInput& input, const data::Table& table, const std::vector<std::string>& keys,
                              const jobs::JobContext& context) {
  const PipelineEnvironment* env = PipelineEnvironment::of(input);
  if (!env || !env->project) throw Error(ErrorCode::InvalidArgument, "a registered model needs the node to run in a project");
  store::Database db = env->project->connect();
  deploy::ModelRegistry registry(db);
  const auto model = registry.load(registry.resolve(registeredModel(input.parameters)).id);
  const auto scored = model->score(table, &context);
  return model->toTable(table, scored, keys.empty() ? deploy::BatchScoringJob::idLikeColumns(table) : keys);
}

std::vector<NodeValue> run(const NodeRunInput& input, jobs::JobContext& context) {
  const auto table = NodeSupport::table(input, 1, "data");
  const auto keys = input.parameters.value("keys", std::vector<std::string>{});
  const std::string output = NodeSupport::text(input.parameters, "output");
  const auto scoring = output.empty() ? context : context.subRange(0.0, 0.7);
  std::shared_ptr<const data::Table> predictions;
  if (!registeredModel(input.parameters).empty()) {
    predictions = std::make_shared<const data::Table>(predictRegistered(input, *table, keys, scoring));
  } else {
    const auto model = input.input<ModelValue>(0);
    if (!model || !model->model)
      throw Error(ErrorCode::InvalidArgument, "no model arrived on the input \"model\", and no registered model is chosen");
    predictions = std::make_shared<const data::Table>(PredictNode::predict(*model, *table, keys, scoring));
  }
  if (!output.empty()) {
    const std::string path = NodeSupport::resolvePath(input, output);
    data::writeCsv(*predictions, path, {}, context.subRange(0.7, 1.0));
  }
  return {NodeValue::of(PortType::Predictions, std::move(predictions))};
}

}  // namespace

data::Table PredictNode::predict(const ModelValue& model, const data::Table& table, std::vector<std::string> keys,
                                 const jobs::JobContext& context) {
  const auto& encoder = model.model->encoder;
  if (keys.empty()) keys = deploy::BatchScoringJob::idLikeColumns(table);
  context.progress(0.0, "encoding");
  const ml::FeatureMatrix x = encoder.encode(table);
  context.throwIfStopped();
  context.progress(0.3, "predicting");
  auto prediction = model.model->estimator->predictWithProbabilities(x);
  context.throwIfStopped();
  const std::size_t rows = table.rowCount();
  if (prediction.values.size() != rows)
    throw Error(ErrorCode::Internal, "the model gave " + std::to_string(prediction.values.size()) + " predictions for " +
                                         std::to_string(rows) + " rows");
  deploy::ScoredRows scored;
  scored.task = encoder.task();
  scored.classes = encoder.classes();
  scored.predicted = std::move(prediction.values);
  if (prediction.probabilities.rows == rows && prediction.probabilities.classes == scored.classes.size())
    scored.probabilities = std::move(prediction.probabilities);
  context.progress(1.0, "predicted");
  return deploy::ScoringModel::toTable(table, scored, keys);
}

NodeType PredictNode::type() {
  NodeType type;
  type.id = kId;
  type.title = "Predict";
  type.inputs = {{"model", PortType::Model, true}, {"data", PortType::Table}};
  type.outputs = {{"predictions", PortType::Predictions}};
  type.defaultParameters = {{"keys", json::array()}, {"output", ""}, {"model", ""}};
  type.check = check;
  type.run = run;
  type.externalState = externalState;
  return type;
}

}  // namespace lathe::pipeline
