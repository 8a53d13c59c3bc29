#include "engine/store/LoadDatasetJob.h"

#include "engine/store/DatasetRepository.h"
#include "engine/store/Project.h"

namespace lathe::store {

LoadDatasetJob::LoadDatasetJob(std::shared_ptr<const Project> project, std::int64_t versionId,
                               std::vector<std::size_t> positions)
    : project_(std::move(project)), versionId_(versionId), positions_(std::move(positions)) {}

std::string LoadDatasetJob::name() const { return "Load dataset version " + std::to_string(versionId_); }

void LoadDatasetJob::run(jobs::JobContext& context) {
  Database db = project_->connect();
  DatasetRepository repository(db);
  table_ = std::make_shared<const data::Table>(repository.loadTable(versionId_, positions_, &context));
  context.progress(1.0, "Loaded");
}

}  // namespace lathe::store
