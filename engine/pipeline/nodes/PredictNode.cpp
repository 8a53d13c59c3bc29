#include "engine/pipeline/nodes/PredictNode.h"

#include <cmath>

#include "engine/core/Error.h"
#include "engine/data/CsvWriter.h"
#include "engine/deploy/BatchScoringJob.h"
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
  const auto& estimator = *model.model->estimator;
  if (keys.empty()) keys = deploy::BatchScoringJob::idLikeColumns(table);
  std::vector<std::shared_ptr<const data::Column>> columns;
  for (const auto& key : keys) {
    const auto index = table.indexOf(key);
    if (!index) throw Error(ErrorCode::InvalidArgument, "there is no key column \"" + key + "\" in the data", {}, key);
    columns.push_back(table.columnPtr(*index));
  }
  context.progress(0.0, "encoding");
  const ml::FeatureMatrix x = encoder.encode(table);
  context.throwIfStopped();
  context.progress(0.3, "predicting");
  const std::vector<double> predicted = estimator.predict(x);
  context.throwIfStopped();
  const std::size_t rows = table.rowCount();
  if (predicted.size() != rows) throw Error(ErrorCode::Internal, "the model gave " + std::to_string(predicted.size()) +
                                                                     " predictions for " + std::to_string(rows) + " rows");
  const ml::Task task = encoder.task();
  if (ml::isClassification(task)) {
    const auto& classes = encoder.classes();
    std::vector<std::int32_t> codes(rows, -1);
    data::Validity validity;
    for (std::size_t row = 0; row < rows; ++row) {
      const double k = predicted[row];
      if (std::isfinite(k) && k >= 0.0 && k < static_cast<double>(classes.size())) codes[row] = static_cast<std::int32_t>(k);
      else validity.setMissing(row, rows);
    }
    columns.push_back(data::Column::categorical("prediction", std::move(codes), classes, std::move(validity)));
    context.progress(0.6, "probabilities");
    ml::ClassProbabilities probabilities;
    try {
      probabilities = estimator.predictProba(x);
    } catch (const Error& e) {
      if (e.code() != ErrorCode::Unsupported) throw;
    }
    if (probabilities.rows == rows && probabilities.classes == classes.size()) {
      for (std::size_t k = 0; k < classes.size(); ++k) {
        std::vector<double> values(rows);
        for (std::size_t row = 0; row < rows; ++row) values[row] = probabilities.at(row, k);
        columns.push_back(data::Column::float64("probability_" + classes[k], std::move(values)));
      }
    }
  } else {
    columns.push_back(data::Column::float64("prediction", predicted));
  }
  context.progress(1.0, "predicted");
  return data::Table(std::move(columns));
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
