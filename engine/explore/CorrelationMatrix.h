#pragma once
#include <cstddef>
#include <string>
#include <vector>

#include "engine/data/Table.h"
#include "engine/jobs/JobContext.h"

namespace lathe::explore {

// Pearson correlations between a table's numeric columns (float64, int64, bool), each pair over
// the rows where both are present and finite, as pandas' DataFrame.corr(). NaN where a pair has
// fewer than two such rows or a column is constant over them.
struct CorrelationMatrix {
  static constexpr std::size_t kMaxColumns = 60;  // the first numeric columns, in table order

  std::vector<std::string> columns;
  std::vector<double> values;  // columns.size()^2, row-major; the diagonal is 1 (NaN if constant)
  bool truncated = false;      // the table had more numeric columns than kMaxColumns

  double at(std::size_t row, std::size_t column) const { return values[row * columns.size() + column]; }

  // Honours the stop token.
  static CorrelationMatrix of(const data::Table& table, const jobs::JobContext& context);
};

}  // namespace lathe::explore
