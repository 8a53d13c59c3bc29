#include "engine/pipeline/nodes/TuneNode.h"

#include <algorithm>

#include "engine/core/Error.h"
#include "engine/pipeline/nodes/NodeSupport.h"
#include "engine/pipeline/nodes/TableLineage.h"
#include "engine/pipeline/nodes/RunModelOutputs.h"
#include "engine/store/Project.h"
#include "engine/tune/SearchStrategy.h"
#include "engine/tune/TuneJob.h"

namespace lathe::pipeline {
namespace {

using nlohmann::json;

tune::SearchSpace spaceOf(const json& parameters) {
  const json space = parameters.value("space", json());
  if (space.is_null()) return tune::SearchSpace::defaultFor(NodeSupport::text(parameters, "algorithm"));
  return tune::SearchSpace::fromJson(space);
}

std::vector<std::string> check(const json& parameters) {
  std::vector<std::string> problems;
  if (NodeSupport::text(parameters, "target").empty()) problems.push_back("choose the target column to predict (\"target\")");
  try {
    spaceOf(parameters);
  } catch (const Error& e) {
    problems.push_back(e.message());
  }
  const auto& strategies = tune::SearchStrategy::names();
  const std::string strategy = NodeSupport::text(parameters, "strategy", "bayes");
  if (std::find(strategies.begin(), strategies.end(), strategy) == strategies.end())
    problems.push_back("\"strategy\" must be grid, random or bayes");
  const json trials = parameters.value("trials", json(20));
  if (!trials.is_number_integer() || trials.get<std::int64_t>() < 1 || trials.get<std::int64_t>() > 100000)
    problems.push_back("\"trials\" must be a whole number from 1 to 100000");
  const json folds = parameters.value("folds", json(5));
  if (!folds.is_number_integer() || folds.get<std::int64_t>() < 2 || folds.get<std::int64_t>() > 100)
    problems.push_back("\"folds\" must be a whole number from 2 to 100");
  const json budget = parameters.value("budget", json(0));
  if (!budget.is_number() || !(budget.get<double>() >= 0) || budget.get<double>() > 7 * 24 * 3600)
    problems.push_back("\"budget\" must be a number of seconds from 0 (no limit) to a week");
  NodeSupport::requireSeed(parameters, problems);
  return problems;
}

std::vector<NodeValue> run(const NodeRunInput& input, jobs::JobContext& context) {
  const auto table = NodeSupport::table(input, 0, "data");
  const auto project = NodeSupport::project(input, "Tune records its trials in the project, so it");
  project->requireWritable();
  tune::TuningRequest request;
  request.table = table;
  request.lineageJson = TableLineage::text(input.inputs[0] ? &*input.inputs[0] : nullptr);
  request.target = NodeSupport::text(input.parameters, "target");
  request.algorithm = NodeSupport::text(input.parameters, "algorithm");
  request.space = spaceOf(input.parameters);
  request.strategy = NodeSupport::text(input.parameters, "strategy", "bayes");
  request.objective = NodeSupport::text(input.parameters, "objective");
  request.trials = input.parameters.value("trials", std::size_t{20});
  request.folds = input.parameters.value("folds", std::size_t{5});
  request.pruning = input.parameters.value("pruning", true);
  const json budget = input.parameters.value("budget", json(0));
  request.timeBudgetSeconds = budget.is_number() ? budget.get<double>() : 0.0;
  request.seed = NodeSupport::seed(input);
  request.name = NodeSupport::title(input, "Tune");
  tune::TuneJob job(project, std::move(request));
  job.run(context);
  const tune::Trial* best = job.best();
  if (!best) throw Error(ErrorCode::InvalidArgument, "no trial finished, so there is no model to pass on");

  return RunModelOutputs::of(*project, best->runId, "best of " + std::to_string(job.trials().size()) + " trials, ");
}

}  // namespace

NodeType TuneNode::type() {
  NodeType type;
  type.id = kId;
  type.title = "Tune";
  type.inputs = {{"data", PortType::Table}};
  type.outputs = {{"model", PortType::Model}, {"metrics", PortType::Metrics}};
  type.defaultParameters = {{"algorithm", "xgboost"}, {"target", ""},     {"strategy", "bayes"},
                            {"trials", 20},           {"budget", 0},      {"folds", 5},       {"objective", ""},
                            {"space", nullptr},       {"seed", nullptr},  {"pruning", true}};
  type.check = check;
  type.run = run;
  return type;
}

}  // namespace lathe::pipeline
