#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "engine/data/Table.h"
#include "engine/expr/Formula.h"
#include "engine/jobs/Job.h"

namespace lathe::expr {

// The Data view's filter: evaluates a true/false formula over the whole table (vectorized) and
// keeps the rows where it is true, in the order of `order` (a sort's row order; every row in
// table order when null). Missing results drop the row, as in the recipe's filter step. The table
// itself is never copied: the result is a row order for DataTableView.
class FilterTableJob final : public jobs::Job {
 public:
  // Throws lathe::Error(InvalidArgument) for a null table, and FormulaError (with the position)
  // when the formula reads an unknown column, mixes types or does not give true/false, so the
  // caller can show the problem before any work starts.
  FilterTableJob(std::shared_ptr<const data::Table> table, Formula formula,
                 std::shared_ptr<const std::vector<std::uint32_t>> order = nullptr);
  std::string name() const override;
  void run(jobs::JobContext& context) override;

  const std::shared_ptr<const data::Table>& table() const noexcept { return table_; }
  const Formula& formula() const noexcept { return formula_; }
  // The rows kept, in the given order; null until run() has returned.
  const std::shared_ptr<const std::vector<std::uint32_t>>& result() const noexcept { return result_; }
  data::TableView view() const { return data::TableView{table_, result_}; }

 private:
  std::shared_ptr<const data::Table> table_;
  Formula formula_;
  std::shared_ptr<const std::vector<std::uint32_t>> order_;
  std::shared_ptr<const std::vector<std::uint32_t>> result_;
};

}  // namespace lathe::expr
