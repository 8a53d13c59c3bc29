#pragma once
#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include "engine/data/Table.h"
#include "engine/jobs/Job.h"
#include "engine/store/DatasetVersionInfo.h"

namespace lathe::store {

class Project;

// Stores a table in a project as a new dataset (given a name) or as the next version of one
// (given its id), on the job's own connection. The job holds the project, so closing it in the
// window cannot pull it from under the job; the table is an immutable snapshot shared with
// whoever shows it. Cancel leaves the project as it was.
class StoreDatasetJob final : public jobs::Job {
 public:
  StoreDatasetJob(std::shared_ptr<const Project> project, std::string datasetName,
                  std::shared_ptr<const data::Table> table,
                  DatasetOrigin origin);
  StoreDatasetJob(std::shared_ptr<const Project> project, std::int64_t datasetId,
                  std::shared_ptr<const data::Table> table,
                  DatasetOrigin origin);

  std::string name() const override;
  void run(jobs::JobContext& context) override;

  // The stored version's id, once run() has returned; 0 before.
  std::int64_t versionId() const noexcept { return versionId_; }

 private:
  std::shared_ptr<const Project> project_;
  std::string datasetName_;
  std::optional<std::int64_t> datasetId_;
  std::shared_ptr<const data::Table> table_;
  DatasetOrigin origin_;
  std::int64_t versionId_ = 0;
};

}  // namespace lathe::store
