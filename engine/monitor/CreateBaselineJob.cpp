#include "engine/monitor/CreateBaselineJob.h"

#include <algorithm>
#include <filesystem>

#include "engine/core/Error.h"
#include "engine/deploy/ModelRegistry.h"
#include "engine/deploy/ScoringModel.h"
#include "engine/jobs/JobContext.h"
#include "engine/monitor/BaselineBuilder.h"
#include "engine/monitor/BatchLoader.h"
#include "engine/monitor/ModelMonitor.h"
#include "engine/monitor/MonitorRepository.h"
#include "engine/store/Project.h"
#include "engine/store/ProjectInfoRepository.h"

namespace lathe::monitor {

void CreateBaselineJob::run(jobs::JobContext& context) {
  store::Database db = project_->connect();
  MonitorRepository repository(db);
  if (request_.name.empty()) throw Error(ErrorCode::InvalidArgument, "a baseline needs a name");
  if (repository.findBaseline(request_.name))
    throw Error(ErrorCode::InvalidArgument, "there is already a baseline \"" + request_.name + "\"", {}, request_.name);
  Computed computed = compute(db, request_, context);
  context.throwIfStopped();
  baseline_ = std::move(computed.baseline);
  baselineId_ = repository.addBaseline(request_.name, baseline_, computed.model);
  context.progress(1.0, "baseline stored");
}

CreateBaselineJob::Computed CreateBaselineJob::compute(store::Database& db, const BaselineRequest& request,
                                                       const jobs::JobContext& context) {
  Computed out;

  const auto reading = context.subRange(0.0, 0.3);
  data::Table table;
  std::string source;
  if (!request.dataset.empty()) {
    table = BatchLoader::dataset(db, request.dataset, request.datasetVersionId, reading);
    source = BatchLoader::datasetLabel(db, request.dataset, request.datasetVersionId);
  } else if (!request.file.empty()) {
    table = BatchLoader::file(request.file, nullptr, reading);
    source = std::filesystem::path(request.file).filename().string();
  } else {
    throw Error(ErrorCode::InvalidArgument, "a baseline is made from a dataset or a file; name one");
  }

  std::shared_ptr<const deploy::ScoringModel> model;
  std::string reference;
  if (!request.model.empty()) {
    deploy::ModelRegistry registry(db);
    const auto version = registry.resolve(request.model);
    reference = version.reference();
    model = registry.load(version.id);
  }
  // With a model, the features are the columns the model reads; the target is the label, not a
  // feature, and a column the model ignores is not its concern.
  data::Table features = table;
  if (model) {
    std::vector<std::size_t> keep;
    for (const auto& column : model->inputSchema())
      if (const auto index = table.indexOf(column.name)) keep.push_back(*index);
    if (!request.sensitiveAttribute.empty())
      if (const auto index = table.indexOf(request.sensitiveAttribute);
          index && std::find(keep.begin(), keep.end(), *index) == keep.end())
        keep.push_back(*index);
    if (keep.empty())
      throw Error(ErrorCode::InvalidArgument, source + " has none of the columns model " + reference + " reads", {}, source);
    features = table.select(keep);
  }
  const auto describing = context.subRange(0.3, 0.6);
  out.baseline = BaselineBuilder::build(features, source, &describing);
  if (model) {
    const auto modelling = context.subRange(0.6, 0.95);
    const store::Kpi kpi = store::ProjectInfoRepository(db).load().kpi;
    out.model = ModelMonitor::baseline(*model, reference, table, request.sensitiveAttribute, kpi, &modelling);
  }
  return out;
}

}  // namespace lathe::monitor
