#include "engine/store/StoreDatasetJob.h"

#include "engine/core/Error.h"
#include "engine/store/DatasetRepository.h"
#include "engine/store/Project.h"

namespace lathe::store {

StoreDatasetJob::StoreDatasetJob(std::shared_ptr<const Project> project, std::string datasetName,
                                 std::shared_ptr<const data::Table> table, DatasetOrigin origin)
    : project_(std::move(project)),
      datasetName_(std::move(datasetName)),
      table_(std::move(table)),
      origin_(std::move(origin)) {}

StoreDatasetJob::StoreDatasetJob(std::shared_ptr<const Project> project, std::int64_t datasetId,
                                 std::shared_ptr<const data::Table> table, DatasetOrigin origin)
    : project_(std::move(project)), datasetId_(datasetId), table_(std::move(table)), origin_(std::move(origin)) {}

std::string StoreDatasetJob::name() const {
  return datasetId_ ? "Store a new version of dataset " + std::to_string(*datasetId_)
                    : "Store dataset '" + datasetName_ + "'";
}

void StoreDatasetJob::run(jobs::JobContext& context) {
  if (!table_) throw Error(ErrorCode::InvalidArgument, "no table to store");
  project_->requireWritable();
  // Jobs run on another thread, and a connection belongs to one thread: this job opens its own.
  Database db = project_->connect();
  DatasetRepository repository(db);
  versionId_ = datasetId_ ? repository.addVersion(*datasetId_, *table_, origin_, &context)
                          : repository.addDataset(datasetName_, *table_, origin_, &context);
  context.progress(1.0, "Stored");
}

}  // namespace lathe::store
