#include "engine/data/SortTableJob.h"

#include "engine/core/Error.h"

namespace lathe::data {

SortTableJob::SortTableJob(std::shared_ptr<const Table> table, std::vector<SortKey> keys, int threads)
    : table_(std::move(table)), keys_(std::move(keys)), threads_(threads) {
  if (!table_) throw Error(ErrorCode::InvalidArgument, "no table to sort");
  for (const SortKey& key : keys_)
    if (key.column >= table_->columnCount())
      throw Error(ErrorCode::InvalidArgument, "no column " + std::to_string(key.column) + " to sort by");
}

std::string SortTableJob::name() const {
  std::string text = "Sort " + std::to_string(table_->rowCount()) + " rows";
  for (std::size_t i = 0; i < keys_.size(); ++i)
    text += (i == 0 ? " by " : ", ") + table_->column(keys_[i].column).name() + (keys_[i].descending ? " (descending)" : "");
  return text;
}

void SortTableJob::run(jobs::JobContext& context) {
  result_.reset();
  auto order = TableSort::rowOrder(*table_, keys_, context, threads_);
  result_ = std::make_shared<const std::vector<std::uint32_t>>(std::move(order));
}

}  // namespace lathe::data
