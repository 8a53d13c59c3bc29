#include "engine/monitor/RetrainJob.h"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <numeric>
#include <random>

#include "engine/core/Error.h"
#include "engine/data/ColumnGather.h"
#include "engine/deploy/ModelRegistry.h"
#include "engine/deploy/RegisterModelJob.h"
#include "engine/deploy/ScoringModel.h"
#include "engine/eval/Metric.h"
#include "engine/experiments/TrainModelJob.h"
#include "engine/jobs/JobContext.h"
#include "engine/monitor/BatchLoader.h"
#include "engine/monitor/ModelMonitor.h"
#include "engine/monitor/MonitorRepository.h"
#include "engine/pipeline/nodes/TableLineage.h"
#include "engine/store/DatasetRepository.h"
#include "engine/store/Project.h"
#include "engine/store/ProjectInfoRepository.h"
#include "engine/store/RunRepository.h"
#include "engine/wrangle/ConcatenateStep.h"
#include "engine/wrangle/Recipe.h"

namespace lathe::monitor {
namespace {

using nlohmann::json;

[[noreturn]] void invalid(const std::string& message, const std::string& value = {}) {
  throw Error(ErrorCode::InvalidArgument, message, {}, value);
}

// The data the live model's run started from: the root of its dataset version's lineage.
data::Table originalData(store::Database& db, const store::ExperimentRun& run, const jobs::JobContext& context) {
  store::DatasetRepository datasets(db);
  if (!run.datasetVersionId)
    invalid("the live model was trained in a pipeline whose data is not stored with its run; retrain with Replace");
  auto root = datasets.version(*run.datasetVersionId);
  while (root && root->origin.parentVersionId) root = datasets.version(*root->origin.parentVersionId);
  if (!root) invalid("the data that trained the live model is no longer in the project; retrain with Replace");
  return datasets.loadTable(root->id, {}, &context);
}

data::Table stacked(const data::Table& top, const data::Table& bottom) {
  wrangle::ConcatenateStep step(0);
  const auto other = std::make_shared<const data::Table>(bottom);
  step.resolveInputs([&other](std::int64_t) { return other; });
  return step.apply(top, nullptr);
}

std::map<std::string, double> metricsOn(const deploy::ScoringModel& model, const data::Table& holdout,
                                        const data::Column& labels, const store::Kpi& kpi) {
  const ModelOutputs outputs = ModelMonitor::outputs(model, holdout);
  const auto quality = ModelMonitor::quality(model, outputs, labels, kpi);
  return quality ? quality->metrics : std::map<std::string, double>{};
}

}  // namespace

void RetrainJob::run(jobs::JobContext& context) {
  project_->requireWritable();
  store::Database db = project_->connect();
  deploy::ModelRegistry registry(db);
  const auto liveInfo = registry.resolve(request_.liveModel);
  if (!liveInfo.runId) invalid("model " + liveInfo.reference() + " has no run to retrain from", liveInfo.reference());
  const auto run = store::RunRepository(db).get(*liveInfo.runId);
  if (!run) invalid("the run that trained " + liveInfo.reference() + " is no longer in the project");
  const auto live = registry.load(liveInfo.id);
  const store::Kpi kpi = store::ProjectInfoRepository(db).load().kpi;

  // 1. The new data, split into rows to train on and rows to judge both models on.
  const auto reading = context.subRange(0.0, 0.1);
  Baseline schema;
  for (const auto& column : live->inputSchema()) {
    FeatureBaseline feature;
    feature.name = column.name;
    feature.type = std::string(data::columnTypeName(column.type));
    schema.features.push_back(std::move(feature));
  }
  data::Table fresh = request_.source == BatchSource::Dataset
                          ? BatchLoader::dataset(db, request_.sourceRef, std::nullopt, reading)
                          : BatchLoader::file(request_.sourceRef, &schema, reading);
  // The columns the live model read and its target, nothing else (a key column is no feature).
  std::vector<std::string> wanted;
  for (const auto& column : live->inputSchema()) wanted.push_back(column.name);
  wanted.push_back(liveInfo.target);
  const auto pick = [&wanted](const data::Table& table, const std::string& what) {
    std::vector<std::size_t> keep;
    for (const auto& name : wanted) {
      const auto index = table.indexOf(name);
      if (!index) invalid(what + " has no column \"" + name + "\", which the live model needs", name);
      keep.push_back(*index);
    }
    return table.select(keep);
  };
  fresh = pick(fresh, "the new data");
  if (!(request_.holdoutFraction > 0.0 && request_.holdoutFraction < 1.0)) invalid("the holdout share is between 0 and 1");
  std::vector<std::size_t> order(fresh.rowCount());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::mt19937_64 random(request_.seed);
  std::shuffle(order.begin(), order.end(), random);
  const auto holdoutRows = static_cast<std::size_t>(std::ceil(request_.holdoutFraction * double(order.size())));
  if (holdoutRows < 10 || order.size() - holdoutRows < 10)
    invalid("the new data has " + std::to_string(order.size()) + " rows; retraining needs at least 10 to train on and 10 to judge on");
  std::vector<std::size_t> holdoutIndex(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(holdoutRows));
  std::vector<std::size_t> trainIndex(order.begin() + static_cast<std::ptrdiff_t>(holdoutRows), order.end());
  std::sort(holdoutIndex.begin(), holdoutIndex.end());
  std::sort(trainIndex.begin(), trainIndex.end());
  const data::Table holdout = data::gatherTable(fresh, holdoutIndex);
  data::Table training = data::gatherTable(fresh, trainIndex);
  if (request_.append)
    training = stacked(pick(originalData(db, *run, context.subRange(0.1, 0.15)), "the live model's training data"), training);
  context.throwIfStopped();

  // 2. The live model's pipeline again: its recipes fitted on the new training rows, then its
  // algorithm with its parameters. The lineage goes with the run so the version scores raw rows.
  auto lineage = pipeline::TableLineage::source(training);
  data::Table prepared = training;
  store::DatasetRepository datasets(db);
  const json recipes = registry.recipes(liveInfo.id);
  for (const auto& entry : recipes) {
    wrangle::Recipe recipe = wrangle::Recipe::fromJson(entry.at("definition"));
    recipe.resolveInputs([&datasets](std::int64_t id) { return std::make_shared<const data::Table>(datasets.loadTable(id)); });
    prepared = recipe.fit(prepared);
    lineage = pipeline::TableLineage::withRecipe(lineage, recipe);
  }
  experiments::TrainingRequest again;
  again.table = std::make_shared<const data::Table>(std::move(prepared));
  again.target = liveInfo.target;
  again.algorithm = run->algorithm;
  again.parameters = json::parse(run->parametersJson, nullptr, false);
  if (!again.parameters.is_object()) again.parameters = json::object();
  again.learningCurve = false;
  again.runName = "retrain " + liveInfo.reference();
  again.lineageJson = lineage->dump();
  experiments::TrainModelJob train(project_, again);
  auto trainingContext = context.subRange(0.15, 0.8);
  train.run(trainingContext);
  const std::int64_t runId = train.result().id;

  // 3. The candidate version, registered under the live model's name.
  deploy::RegisterModelJob registering(project_, runId, liveInfo.model);
  auto registeringContext = context.subRange(0.8, 0.9);
  registering.run(registeringContext);
  const auto candidateInfo = registering.registered();
  registry.setAlias(candidateInfo.id, "candidate", "retrained on " + std::string(request_.append ? "appended" : "new") + " data");
  const auto candidate = registry.load(candidateInfo.id);

  // 4. Both models on the same holdout rows.
  context.progress(0.9, "judging both models on the holdout");
  const data::Column& labels = holdout.column(wanted.size() - 1);
  RetrainComparison& c = result_;
  c.runId = runId;
  c.liveVersion = liveInfo.reference();
  c.candidateVersion = candidateInfo.reference();
  c.mode = request_.append ? "append" : "replace";
  c.data = request_.source == BatchSource::Dataset ? "dataset " + request_.sourceRef
                                                   : std::filesystem::path(request_.sourceRef).filename().string();
  c.trainingRows = training.rowCount();
  c.holdoutRows = holdout.rowCount();
  c.live = metricsOn(*live, holdout, labels, kpi);
  c.candidate = metricsOn(*candidate, holdout, labels, kpi);
  c.kpiMetric = kpi.metric.empty() ? eval::Metric::defaultsFor(live->task()).front() : kpi.metric;
  c.kpiHigherIsBetter = kpi.metric.empty() ? eval::Metric::higherIsBetter(c.kpiMetric) : kpi.higherIsBetter;
  const auto liveKpi = c.live.find(c.kpiMetric);
  const auto candidateKpi = c.candidate.find(c.kpiMetric);
  if (liveKpi != c.live.end() && candidateKpi != c.candidate.end())
    c.candidateIsBetter = c.kpiHigherIsBetter ? candidateKpi->second > liveKpi->second : candidateKpi->second < liveKpi->second;
  context.throwIfStopped();
  c.id = MonitorRepository(db).addRetraining(request_.scheduleId, request_.monitorRunId, c);
  context.progress(1.0, "retrained");
}

void RetrainJob::decide(store::Database& db, std::int64_t retrainingId, bool promote) {
  MonitorRepository repository(db);
  const auto all = repository.retrainings();
  const auto it = std::find_if(all.begin(), all.end(), [&](const auto& r) { return r.id == retrainingId; });
  if (it == all.end()) invalid("there is no retraining " + std::to_string(retrainingId));
  if (!it->decision.empty()) invalid("retraining " + std::to_string(retrainingId) + " was already " + it->decision);
  deploy::ModelRegistry registry(db);
  const auto candidate = registry.resolve(it->candidateVersion);
  const std::string reason = promote ? "retrained model promoted over " + it->liveVersion
                                     : "retrained model kept out: " + it->liveVersion + " stays live";
  registry.setAlias(candidate.id, promote ? "production" : "archived", reason);
  repository.decideRetraining(retrainingId, promote ? "promoted" : "kept");
}

}  // namespace lathe::monitor
