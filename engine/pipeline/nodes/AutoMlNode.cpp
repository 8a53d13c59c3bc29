#include "engine/pipeline/nodes/AutoMlNode.h"

#include <algorithm>

#include "engine/core/Error.h"
#include "engine/pipeline/nodes/NodeSupport.h"
#include "engine/pipeline/nodes/TableLineage.h"
#include "engine/pipeline/nodes/RunModelOutputs.h"
#include "engine/store/Project.h"
#include "engine/tune/AutoMlJob.h"
#include "engine/tune/TuningSupport.h"

namespace lathe::pipeline {
namespace {

using nlohmann::json;

std::vector<std::string> check(const json& parameters) {
  std::vector<std::string> problems;
  if (NodeSupport::text(parameters, "target").empty()) problems.push_back("choose the target column to predict (\"target\")");
  const json budget = parameters.value("budget", json(60));
  if (!budget.is_number() || !(budget.get<double>() >= 1) || budget.get<double>() > 7 * 24 * 3600)
    problems.push_back("\"budget\" must be a number of seconds from 1 to a week");
  const json folds = parameters.value("folds", json(5));
  if (!folds.is_number_integer() || folds.get<std::int64_t>() < 2 || folds.get<std::int64_t>() > 100)
    problems.push_back("\"folds\" must be a whole number from 2 to 100");
  const json algorithms = parameters.value("algorithms", json::array());
  const auto& known = tune::TuningSupport::supervisedAlgorithms();
  if (!algorithms.is_array()) problems.push_back("\"algorithms\" must be a list of algorithm names");
  else
    for (const auto& a : algorithms)
      if (!a.is_string() || std::find(known.begin(), known.end(), a.get<std::string>()) == known.end())
        problems.push_back("\"algorithms\" names " + a.dump() + ", which AutoML does not know");
  if (!parameters.value("ensemble", json(true)).is_boolean()) problems.push_back("\"ensemble\" must be true or false");
  if (!parameters.value("objective", json("")).is_string()) problems.push_back("\"objective\" must be a metric's name");
  NodeSupport::requireSeed(parameters, problems);
  return problems;
}

std::vector<NodeValue> run(const NodeRunInput& input, jobs::JobContext& context) {
  const auto table = NodeSupport::table(input, 0, "data");
  const auto project = NodeSupport::project(input, "AutoML records its trials in the project, so it");
  project->requireWritable();
  tune::AutoMlRequest request;
  request.table = table;
  request.lineageJson = TableLineage::text(input.inputs[0] ? &*input.inputs[0] : nullptr);
  request.target = NodeSupport::text(input.parameters, "target");
  request.budgetSeconds = input.parameters.value("budget", 60.0);
  request.folds = input.parameters.value("folds", std::size_t{5});
  request.objective = NodeSupport::text(input.parameters, "objective");
  const json algorithms = input.parameters.value("algorithms", json::array());
  if (algorithms.is_array())
    for (const auto& a : algorithms)
      if (a.is_string()) request.algorithms.push_back(a.get<std::string>());
  request.ensemble = input.parameters.value("ensemble", json(true)).is_boolean() ? input.parameters.value("ensemble", true) : true;
  request.seed = NodeSupport::seed(input);
  request.name = NodeSupport::title(input, "AutoML");
  tune::AutoMlJob job(project, std::move(request));
  job.run(context);
  const auto board = job.leaderboard();
  if (board.empty() || !board.front().best.runId)
    throw Error(ErrorCode::InvalidArgument, "no trial finished, so there is no model to pass on");
  return RunModelOutputs::of(*project, board.front().best.runId,
                             "best of " + std::to_string(job.trials().size()) + " AutoML trials, ");
}

}  // namespace

NodeType AutoMlNode::type() {
  NodeType type;
  type.id = kId;
  type.title = "AutoML";
  type.inputs = {{"data", PortType::Table}};
  type.outputs = {{"model", PortType::Model}, {"metrics", PortType::Metrics}};
  type.defaultParameters = {{"target", ""},          {"budget", 60},      {"folds", 5},    {"objective", ""},
                            {"algorithms", json::array()}, {"ensemble", true}, {"seed", nullptr}};
  type.check = check;
  type.run = run;
  return type;
}

}  // namespace lathe::pipeline
