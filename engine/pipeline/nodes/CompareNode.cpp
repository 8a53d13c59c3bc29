#include "engine/pipeline/nodes/CompareNode.h"

#include <cmath>
#include <iomanip>
#include <set>
#include <sstream>

#include "engine/core/Error.h"
#include "engine/jobs/JobContext.h"
#include "engine/pipeline/nodes/MetricsValue.h"
#include "engine/pipeline/nodes/NodeSupport.h"
#include "engine/store/Project.h"
#include "engine/store/ProjectInfoRepository.h"
#include "engine/store/RunRepository.h"

namespace lathe::pipeline {
namespace {

using nlohmann::json;

std::string defaultMetric(const std::string& task) {
  if (task == "binary") return "roc_auc";
  if (task == "regression") return "r2";
  return "accuracy";
}

std::string number(double value) {
  std::ostringstream out;
  out << std::fixed << std::setprecision(4) << value;
  return out.str();
}

std::vector<NodeValue> run(const NodeRunInput& input, jobs::JobContext& context) {
  std::vector<MetricsValue::Run> given;
  std::set<std::int64_t> seen;
  for (std::size_t port = 0; port < input.inputs.size(); ++port) {
    const auto metrics = input.input<MetricsValue>(port);
    if (!metrics) continue;
    for (const auto& run : metrics->runs)
      if (run.id == 0 || seen.insert(run.id).second) given.push_back(run);
  }
  if (given.empty()) throw Error(ErrorCode::InvalidArgument, "connect the metrics of at least one run to compare");

  store::Kpi kpi;
  std::vector<store::ExperimentRun> runs;
  const PipelineEnvironment* environment = PipelineEnvironment::of(input);
  std::optional<store::Database> db;
  if (environment && environment->project) {
    db.emplace(environment->project->connect());
    kpi = store::ProjectInfoRepository(*db).load().kpi;
  }
  for (const auto& run : given) {
    context.throwIfStopped();
    std::optional<store::ExperimentRun> stored;
    if (db && run.id > 0) stored = store::RunRepository(*db).get(run.id);
    if (!stored) {
      stored.emplace();
      stored->id = run.id;
      stored->name = run.name;
      stored->algorithm = run.algorithm;
      stored->task = run.task;
      stored->metrics = run.metrics;
    }
    runs.push_back(std::move(*stored));
  }
  auto result = std::make_shared<MetricsValue>();
  for (const auto& run : runs) result->runs.push_back({run.id, run.name, run.algorithm, run.task, run.metrics});
  result->comparison = experiments::RunComparison::of(runs, kpi);
  result->bestMetric = kpi.metric.empty() ? defaultMetric(runs.front().task) : kpi.metric;
  for (const auto& row : result->comparison->metrics) {
    if (row.name != result->bestMetric || row.best < 0) continue;
    result->best = row.best;
    result->bestSplit = row.split;
    const auto& best = runs[static_cast<std::size_t>(row.best)];
    result->summary = best.name + " is best by " + row.name + " (" + row.split + "): " +
                      number(row.values[static_cast<std::size_t>(row.best)]);
    const auto meets = result->comparison->meetsKpi[static_cast<std::size_t>(row.best)];
    if (meets) result->summary += *meets ? ", meeting the KPI" : ", short of the KPI";
    break;
  }
  if (result->best < 0) result->summary = "no run has " + result->bestMetric + " to compare by";
  context.progress(1.0, result->summary);
  return {NodeValue::of(PortType::Metrics, std::shared_ptr<const MetricsValue>(std::move(result)))};
}

}  // namespace

NodeType CompareNode::type() {
  NodeType type;
  type.id = kId;
  type.title = "Compare";
  for (int i = 1; i <= kInputs; ++i) type.inputs.push_back({"run " + std::to_string(i), PortType::Metrics, true});
  type.outputs = {{"comparison", PortType::Metrics}};
  type.run = run;
  return type;
}

}  // namespace lathe::pipeline
