#include "engine/insights/DuplicateRows.h"

#include <algorithm>
#include <bit>
#include <limits>
#include <numeric>

#include "engine/data/RowKeys.h"
#include "engine/insights/ForRows.h"

namespace lathe::insights {

void DuplicateRows::add(const data::Column& column, const ColumnFacts& facts, const jobs::JobContext& context) {
  forRows(hashes_.size(), context, [&](std::size_t row) {
    std::uint64_t cell = data::kMissingCellKey;
    if (!facts.level.empty()) cell = static_cast<std::uint64_t>(facts.level[row]);
    else if (column.isValid(row))
      cell = column.type() == data::ColumnType::Float64 ? data::doubleKey(column.numericAt(row))
                                                        : static_cast<std::uint64_t>(column.int64Values()[row]);
    hashes_[row] = data::foldIntoRowHash(hashes_[row], cell);
  });
}

std::uint64_t DuplicateRows::count(const data::Table& table, const jobs::JobContext& context) const {
  constexpr std::uint32_t kEmpty = std::numeric_limits<std::uint32_t>::max();
  const std::size_t rows = hashes_.size();
  std::vector<std::size_t> columns(table.columnCount());
  std::iota(columns.begin(), columns.end(), std::size_t{0});
  std::vector<std::uint32_t> slots(std::bit_ceil(std::max<std::size_t>(rows * 2, 16)), kEmpty);
  const std::size_t mask = slots.size() - 1;
  std::uint64_t duplicates = 0;
  forRows(rows, context, [&](std::size_t row) {
    for (std::size_t i = hashes_[row] & mask;; i = (i + 1) & mask) {
      const std::uint32_t other = slots[i];
      if (other == kEmpty) {
        slots[i] = static_cast<std::uint32_t>(row);
        return;
      }
      if (hashes_[other] == hashes_[row] && data::rowsEqual(table, columns, other, row)) {
        ++duplicates;
        return;
      }
    }
  });
  return duplicates;
}

}  // namespace lathe::insights
