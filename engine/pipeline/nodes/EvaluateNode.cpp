#include "engine/pipeline/nodes/EvaluateNode.h"

#include "engine/core/Error.h"
#include "engine/eval/CrossValidation.h"
#include "engine/experiments/RunRecord.h"
#include "engine/jobs/JobContext.h"
#include "engine/pipeline/nodes/MetricsValue.h"
#include "engine/pipeline/nodes/ModelValue.h"
#include "engine/pipeline/nodes/NodeSupport.h"
#include "engine/pipeline/nodes/PredictNode.h"
#include "engine/store/Project.h"
#include "engine/store/RunRepository.h"

namespace lathe::pipeline {
namespace {

using nlohmann::json;

std::vector<std::string> check(const json& parameters) {
  std::vector<std::string> problems;
  NodeSupport::requireString(parameters, "split", problems, true);
  return problems;
}

std::vector<NodeValue> run(const NodeRunInput& input, jobs::JobContext& context) {
  const auto model = input.input<ModelValue>(0);
  if (!model || !model->model) throw Error(ErrorCode::InvalidArgument, "no model arrived on the input \"model\"");
  const auto table = NodeSupport::table(input, 1, "data");
  const std::string split = NodeSupport::text(input.parameters, "split", "test");
  const auto& encoder = model->model->encoder;
  if (!ml::isClassification(encoder.task()) && encoder.task() != ml::Task::Regression)
    throw Error(ErrorCode::InvalidArgument, "Evaluate scores classifiers and regressors; a " +
                                                std::string(ml::taskName(encoder.task())) + " model has no answers to check");

  context.progress(0.0, "scoring");
  const ml::TrainingData data = encoder.encodeTraining(*table);
  if (data.x.rows() == 0) throw Error(ErrorCode::InvalidArgument, "there are no rows with a target value to score");
  const eval::Predictions predictions = eval::CrossValidation::predict(*model->model->estimator, data);
  context.throwIfStopped();
  store::ExperimentRun scores;
  experiments::RunRecord::addPooledMetrics(scores, predictions, split);
  experiments::RunRecord::addCharts(scores, predictions, data.classes, split);
  context.throwIfStopped();

  const PipelineEnvironment* environment = PipelineEnvironment::of(input);
  if (model->runId > 0 && environment && environment->project) {
    store::Database db = environment->project->connect();
    store::RunRepository(db).addResults(model->runId, scores);
  }
  context.progress(0.6, "predictions");
  auto rows = std::make_shared<const data::Table>(PredictNode::predict(*model, *table, {}, context.subRange(0.6, 1.0)));

  auto metrics = std::make_shared<MetricsValue>();
  metrics->runs.push_back({model->runId, model->runName, model->algorithm, std::string(ml::taskName(encoder.task())),
                           scores.metrics});
  metrics->summary = model->runName + " on " + std::to_string(data.x.rows()) + " " + split + " rows";
  return {NodeValue::of(PortType::Metrics, std::shared_ptr<const MetricsValue>(std::move(metrics))),
          NodeValue::of(PortType::Predictions, std::move(rows))};
}

}  // namespace

NodeType EvaluateNode::type() {
  NodeType type;
  type.id = kId;
  type.title = "Evaluate";
  type.inputs = {{"model", PortType::Model}, {"data", PortType::Table}};
  type.outputs = {{"metrics", PortType::Metrics}, {"predictions", PortType::Predictions}};
  type.defaultParameters = {{"split", "test"}};
  type.check = check;
  type.run = run;
  return type;
}

}  // namespace lathe::pipeline
