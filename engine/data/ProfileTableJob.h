#pragma once
#include <memory>
#include <string>
#include <vector>

#include "engine/data/ProfileCache.h"
#include "engine/data/Table.h"
#include "engine/jobs/Job.h"

namespace lathe::data {

// Profiles every column of a table in the background, column by column, each column one equal
// share of the progress bar. With a cache, columns already profiled are not computed again and
// the profiles computed here are kept for the Data dock. results() holds one profile per column,
// in the table's order, once run() has returned.
class ProfileTableJob final : public jobs::Job {
 public:
  // A null cache profiles without keeping anything. Throws lathe::Error(InvalidArgument) for a
  // null table.
  ProfileTableJob(std::shared_ptr<const Table> table, std::shared_ptr<ProfileCache> cache = nullptr);
  std::string name() const override;
  void run(jobs::JobContext& context) override;

  const std::vector<std::shared_ptr<const ColumnProfile>>& results() const noexcept { return results_; }

 private:
  std::shared_ptr<const Table> table_;
  std::shared_ptr<ProfileCache> cache_;
  std::vector<std::shared_ptr<const ColumnProfile>> results_;
};

}  // namespace lathe::data
