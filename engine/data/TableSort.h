#pragma once
#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "engine/data/Table.h"
#include "engine/jobs/JobContext.h"

namespace lathe::data {

// One sort key: a column of the table and its direction.
struct SortKey {
  std::size_t column = 0;
  bool descending = false;
};

// Sorts a table's rows by keys (the first key first, later keys break its ties) and returns the
// row order for a TableView; the columns are never copied. The order follows pandas'
// sort_values(kind="stable", na_position="last"): numbers by value (NaN is missing, -0 equals 0),
// bools false first, datetimes by time, categoricals by their level TEXT (not the code), text by
// UTF-8 bytes; missing values last in either direction; rows that tie keep their order.
// Numeric, bool, datetime and categorical keys sort in O(n) (radix on 64-bit keys, both cores);
// text keys by an 8-byte prefix, then a comparison sort inside runs of equal prefixes.
class TableSort {
 public:
  // Throws lathe::Error(InvalidArgument) for a key naming no column, Unsupported past 2^32 - 1
  // rows, and jobs::JobCancelled when the context is stopped. No keys: the identity order.
  static std::vector<std::uint32_t> rowOrder(const Table& table, std::span<const SortKey> keys,
                                             const jobs::JobContext& context, int threads = 0);
};

}  // namespace lathe::data
