#include "engine/monitor/MonitorRunJob.h"

#include <filesystem>

#include "engine/core/Error.h"
#include "engine/data/DataImporter.h"
#include "engine/deploy/ModelRegistry.h"
#include "engine/deploy/ScoringModel.h"
#include "engine/jobs/JobContext.h"
#include "engine/monitor/BatchLoader.h"
#include "engine/monitor/ModelMonitor.h"
#include "engine/monitor/MonitorAnalysis.h"
#include "engine/monitor/MonitorRepository.h"
#include "engine/monitor/RequestLogBatch.h"
#include "engine/store/Project.h"
#include "engine/store/ProjectInfoRepository.h"
#include "engine/store/Timestamp.h"

namespace lathe::monitor {
namespace {

std::string fileName(const std::string& path) { return std::filesystem::path(path).filename().string(); }

}  // namespace

std::unique_ptr<MonitorRunJob> MonitorRunJob::forSchedule(std::shared_ptr<const store::Project> project,
                                                          std::int64_t scheduleId) {
  MonitorSchedule placeholder;
  placeholder.id = scheduleId;
  auto job = std::make_unique<MonitorRunJob>(std::move(project), placeholder);
  job->loadSchedule_ = true;
  return job;
}

std::unique_ptr<MonitorRunJob> MonitorRunJob::oneOff(std::shared_ptr<const store::Project> project,
                                                     BaselineRequest baseline, MonitorSchedule batch) {
  batch.id = 0;
  auto job = std::make_unique<MonitorRunJob>(std::move(project), std::move(batch), false);
  job->transientBaseline_ = std::move(baseline);
  return job;
}

void MonitorRunJob::run(jobs::JobContext& context) {
  store::Database db = project_->connect();
  MonitorRepository repository(db);
  if (loadSchedule_) schedule_ = repository.schedule(schedule_.id);
  Baseline baseline;
  ModelBaseline modelBaseline;
  if (transientBaseline_) {
    auto computed = CreateBaselineJob::compute(db, *transientBaseline_, context.subRange(0.0, 0.2));
    baseline = std::move(computed.baseline);
    modelBaseline = std::move(computed.model);
  } else {
    baseline = repository.baseline(schedule_.baselineId);
    modelBaseline = repository.modelBaseline(schedule_.baselineId);
  }

  MonitorRunRecord identity;
  identity.scheduleId = schedule_.id;
  const auto reading = context.subRange(0.2, 0.3);
  auto batch = std::make_shared<data::Table>();
  switch (schedule_.source) {
    case BatchSource::File:
      *batch = BatchLoader::file(schedule_.sourceRef, &baseline, reading);
      identity.source = fileName(schedule_.sourceRef);
      break;
    case BatchSource::Dataset:
      *batch = BatchLoader::dataset(db, schedule_.sourceRef, std::nullopt, reading);
      identity.source = BatchLoader::datasetLabel(db, schedule_.sourceRef, std::nullopt);
      break;
    case BatchSource::RequestLog: {
      const auto to = std::chrono::system_clock::now();
      const auto from = to - std::chrono::duration_cast<std::chrono::system_clock::duration>(
                                 std::chrono::duration<double, std::ratio<3600>>(schedule_.windowHours));
      *batch = RequestLogBatch::read(db, schedule_.sourceRef, {from, to}, reading);
      identity.source = "endpoint " + schedule_.sourceRef;
      identity.batchStart = store::formatTimestamp(from);
      identity.batchEnd = store::formatTimestamp(to);
      break;
    }
  }

  MonitorInputs inputs;
  inputs.baseline = &baseline;
  inputs.modelBaseline = &modelBaseline;
  inputs.batch = batch;
  inputs.sensitiveAttribute = schedule_.sensitiveAttribute;
  inputs.kpi = store::ProjectInfoRepository(db).load().kpi;
  const std::string modelReference = !schedule_.model.empty() ? schedule_.model : modelBaseline.model;
  if (!modelReference.empty()) {
    deploy::ModelRegistry registry(db);
    inputs.model = registry.load(registry.resolve(modelReference).id);
    const std::string& target = inputs.model->target();
    if (const auto own = batch->indexOf(target)) {
      inputs.labels = batch->columnPtr(*own);
    } else if (!schedule_.labelsPath.empty()) {
      data::ImportRequest labels;
      labels.path = schedule_.labelsPath;
      labels.csv.columnTypes[schedule_.keyColumn] = data::ColumnType::Text;
      const data::Table table = data::DataImporter::import(labels, context.subRange(0.3, 0.35)).table;
      inputs.labels = ModelMonitor::alignLabels(*batch, table, schedule_.keyColumn, target);
    }
  }
  const auto analysing = context.subRange(0.35, 0.95);
  result_ = MonitorAnalysis::run(inputs, &analysing);
  result_.scheduleId = identity.scheduleId;
  result_.source = identity.source;
  result_.batchStart = identity.batchStart;
  result_.batchEnd = identity.batchEnd;
  context.throwIfStopped();
  if (store_) repository.addRun(result_, schedule_.baselineId);
  else result_.at = store::timestampNow();
  context.progress(1.0, "monitoring run stored");
}

}  // namespace lathe::monitor
