#include "engine/pipeline/nodes/TrainNode.h"

#include <algorithm>

#include "engine/core/Error.h"
#include "engine/experiments/TrainModelJob.h"
#include "engine/jobs/JobContext.h"
#include "engine/ml/EstimatorRegistry.h"
#include "engine/pipeline/nodes/NodeSupport.h"
#include "engine/pipeline/nodes/TableLineage.h"
#include "engine/pipeline/nodes/RunModelOutputs.h"
#include "engine/store/Project.h"

namespace lathe::pipeline {
namespace {

using nlohmann::json;

std::string algorithmList() {
  std::string names;
  for (const auto& name : ml::EstimatorRegistry::algorithms()) names += (names.empty() ? "" : ", ") + name;
  return names;
}

void checkValidation(const json& validation, std::vector<std::string>& problems) {
  if (!validation.is_object()) {
    problems.push_back("\"validation\" must be an object such as {\"scheme\":\"cv\",\"folds\":5}");
    return;
  }
  const std::string scheme = NodeSupport::text(validation, "scheme", "cv");
  if (scheme == "cv") {
    const json folds = validation.value("folds", json(5));
    if (!folds.is_number_integer() || folds.get<std::int64_t>() < 2 || folds.get<std::int64_t>() > 1000)
      problems.push_back("\"validation\": \"folds\" must be a whole number from 2 to 1000");
  } else if (scheme == "holdout") {
    const json test = validation.value("test_fraction", json(0.25));
    const json valid = validation.value("validation_fraction", json(0.0));
    if (!test.is_number() || !(test.get<double>() > 0.0 && test.get<double>() < 1.0))
      problems.push_back("\"validation\": \"test_fraction\" must be a fraction between 0 and 1");
    if (!valid.is_number() || !(valid.get<double>() >= 0.0 && valid.get<double>() < 1.0))
      problems.push_back("\"validation\": \"validation_fraction\" must be a fraction from 0 to below 1");
  } else {
    problems.push_back("\"validation\": \"scheme\" must be \"cv\" or \"holdout\"");
  }
}

std::vector<std::string> check(const json& parameters) {
  std::vector<std::string> problems;
  const std::string algorithm = NodeSupport::text(parameters, "algorithm");
  const auto known = ml::EstimatorRegistry::algorithms();
  if (std::find(known.begin(), known.end(), algorithm) == known.end())
    problems.push_back("\"algorithm\" must be one of: " + algorithmList());
  if (NodeSupport::text(parameters, "target").empty()) problems.push_back("choose the target column to predict (\"target\")");
  const json& own = parameters["parameters"];
  if (!own.is_object()) {
    problems.push_back("\"parameters\" must be an object of the algorithm's parameters");
  } else if (problems.empty() || std::find(known.begin(), known.end(), algorithm) != known.end()) {
    try {
      ml::EstimatorRegistry::create(algorithm, own);
    } catch (const Error& e) {
      problems.push_back(e.message());
    }
  }
  checkValidation(parameters["validation"], problems);
  NodeSupport::requireSeed(parameters, problems);
  if (!parameters["learning_curve"].is_boolean()) problems.push_back("\"learning_curve\" must be true or false");
  return problems;
}

std::vector<NodeValue> run(const NodeRunInput& input, jobs::JobContext& context) {
  const auto table = NodeSupport::table(input, 0, "data");
  const auto project = NodeSupport::project(input, "Train records its run in the project, so it");
  project->requireWritable();
  const std::string algorithm = NodeSupport::text(input.parameters, "algorithm");
  const std::string runName = NodeSupport::title(input, "Train") + " · " + algorithm;
  auto request = TrainNode::request(input.parameters, table, NodeSupport::seed(input), runName);
  request.lineageJson = TableLineage::text(input.inputs[0] ? &*input.inputs[0] : nullptr);
  experiments::TrainModelJob job(project, std::move(request));
  job.run(context);
  // The model as stored: what Evaluate and Predict use is exactly what the run keeps.
  return RunModelOutputs::of(*project, job.result().id);
}

}  // namespace

experiments::TrainingRequest TrainNode::request(const json& parameters, std::shared_ptr<const data::Table> table,
                                                std::uint64_t seed, std::string runName) {
  experiments::TrainingRequest request;
  request.table = std::move(table);
  request.target = NodeSupport::text(parameters, "target");
  request.algorithm = NodeSupport::text(parameters, "algorithm");
  request.parameters = parameters.value("parameters", json::object());
  if (!request.parameters.is_object()) request.parameters = json::object();
  // The algorithm's own randomness follows the seed too, unless the user fixed it.
  if (!request.parameters.contains("random_state")) {
    const auto defaults = ml::EstimatorRegistry::create(request.algorithm, request.parameters)->parameters();
    if (defaults.contains("random_state")) request.parameters["random_state"] = seed % 2147483648ULL;
  }
  const json validation = parameters.value("validation", json::object());
  experiments::ValidationScheme scheme;
  scheme.seed = seed;
  if (validation.is_object() && NodeSupport::text(validation, "scheme", "cv") == "holdout") {
    scheme.kind = experiments::ValidationScheme::Kind::Holdout;
    scheme.testFraction = validation.value("test_fraction", 0.25);
    scheme.validationFraction = validation.value("validation_fraction", 0.0);
  } else if (validation.is_object()) {
    scheme.folds = validation.value("folds", std::size_t{5});
  }
  request.validation = scheme;
  request.learningCurve = parameters.value("learning_curve", true);
  request.runName = std::move(runName);
  return request;
}

NodeType TrainNode::type() {
  NodeType type;
  type.id = kId;
  type.title = "Train";
  type.inputs = {{"data", PortType::Table}};
  type.outputs = {{"model", PortType::Model}, {"metrics", PortType::Metrics}};
  type.defaultParameters = {{"algorithm", "logistic"},
                            {"target", ""},
                            {"parameters", json::object()},
                            {"validation", {{"scheme", "cv"}, {"folds", 5}}},
                            {"seed", nullptr},
                            {"learning_curve", true}};
  type.check = check;
  type.run = run;
  return type;
}

}  // namespace lathe::pipeline
