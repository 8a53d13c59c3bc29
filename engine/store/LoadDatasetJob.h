#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "engine/data/Table.h"
#include "engine/jobs/Job.h"

namespace lathe::store {

class Project;

// Loads a stored dataset version (all its columns, or those at `positions`, in that order) on
// the job's own connection, holding the project until it is done.
class LoadDatasetJob final : public jobs::Job {
 public:
  LoadDatasetJob(std::shared_ptr<const Project> project, std::int64_t versionId,
                 std::vector<std::size_t> positions = {});

  std::string name() const override;
  void run(jobs::JobContext& context) override;

  // The loaded table, once run() has returned; null before.
  std::shared_ptr<const data::Table> table() const noexcept { return table_; }

 private:
  std::shared_ptr<const Project> project_;
  std::int64_t versionId_;
  std::vector<std::size_t> positions_;
  std::shared_ptr<const data::Table> table_;
};

}  // namespace lathe::store
