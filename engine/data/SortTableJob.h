#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "engine/data/Table.h"
#include "engine/data/TableSort.h"
#include "engine/jobs/Job.h"

namespace lathe::data {

// TableSort::rowOrder as a background job: the table's Data view asks for a sort, the app runs
// this job and hands the view result() as its row order.
class SortTableJob final : public jobs::Job {
 public:
  // Throws lathe::Error(InvalidArgument) for a null table or a key naming no column.
  SortTableJob(std::shared_ptr<const Table> table, std::vector<SortKey> keys, int threads = 0);
  std::string name() const override;
  void run(jobs::JobContext& context) override;

  const std::shared_ptr<const Table>& table() const noexcept { return table_; }
  const std::vector<SortKey>& keys() const noexcept { return keys_; }
  // The sorted row order; null until run() has returned (a cancelled run leaves it null).
  const std::shared_ptr<const std::vector<std::uint32_t>>& result() const noexcept { return result_; }
  // The table seen through the sorted order, ready for DataTableView::setTable.
  TableView view() const { return TableView{table_, result_}; }

 private:
  std::shared_ptr<const Table> table_;
  std::vector<SortKey> keys_;
  int threads_;
  std::shared_ptr<const std::vector<std::uint32_t>> result_;
};

}  // namespace lathe::data
