#include "engine/data/ProfileTableJob.h"

#include "engine/core/Error.h"

namespace lathe::data {

ProfileTableJob::ProfileTableJob(std::shared_ptr<const Table> table, std::shared_ptr<ProfileCache> cache)
    : table_(std::move(table)), cache_(std::move(cache)) {
  if (!table_) throw Error(ErrorCode::InvalidArgument, "no table to profile");
}

std::string ProfileTableJob::name() const {
  return "Profile " + std::to_string(table_->columnCount()) + " columns";
}

void ProfileTableJob::run(jobs::JobContext& context) {
  results_.clear();
  const std::size_t columns = table_->columnCount();
  std::vector<std::shared_ptr<const ColumnProfile>> profiles;
  profiles.reserve(columns);
  for (std::size_t i = 0; i < columns; ++i) {
    context.throwIfStopped();
    const auto share = context.subRange(static_cast<double>(i) / static_cast<double>(columns),
                                        static_cast<double>(i + 1) / static_cast<double>(columns));
    const auto& column = table_->columnPtr(i);
    profiles.push_back(cache_ ? cache_->get(column, share)
                              : std::make_shared<const ColumnProfile>(profileColumn(*column, share)));
  }
  context.progress(1.0, "Profiled " + std::to_string(columns) + " columns");
  results_ = std::move(profiles);  // all or nothing: a cancelled run leaves no partial result
}

}  // namespace lathe::data
