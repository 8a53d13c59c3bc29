#pragma once
#include <cstddef>
#include <cstdint>
#include <vector>

#include "engine/data/Column.h"
#include "engine/data/Table.h"
#include "engine/insights/ColumnFacts.h"
#include "engine/jobs/JobContext.h"

namespace lathe::insights {

// Rows equal in every column to an earlier row, as pandas' duplicated() counts them (missing
// equals missing, NaN equals NaN): one hash per row, folded in column by column while the
// insights pass over the columns anyway, then open addressing over row numbers, the rows
// compared cell by cell (data::rowsEqual) where their hashes match.
class DuplicateRows {
 public:
  explicit DuplicateRows(std::size_t rows) : hashes_(rows, 0) {}

  // Folds the table's next column into the row hashes: its level where the facts keep levels
  // (exact per value), else its bits. Add every column, in table order.
  void add(const data::Column& column, const ColumnFacts& facts, const jobs::JobContext& context);
  // The rows equal to an earlier row of `table`, once every column was added.
  std::uint64_t count(const data::Table& table, const jobs::JobContext& context) const;

 private:
  std::vector<std::uint64_t> hashes_;
};

}  // namespace lathe::insights
