#include "engine/data/RowKeys.h"

#include <cmath>
#include <functional>
#include <string_view>

namespace lathe::data {

std::uint64_t cellHash(const Column& column, std::size_t row) {
  if (!column.isValid(row)) return kMissingCellKey;
  switch (column.type()) {
    case ColumnType::Float64: return mixBits(doubleKey(column.float64Values()[row]));
    case ColumnType::Int64:
    case ColumnType::Datetime: return mixBits(static_cast<std::uint64_t>(column.int64Values()[row]));
    case ColumnType::Bool: return mixBits(column.boolValues()[row]);
    case ColumnType::Categorical: return mixBits(static_cast<std::uint64_t>(column.codes()[row]));
    case ColumnType::Text: return std::hash<std::string_view>{}(column.textAt(row));
  }
  return 0;
}

bool cellsEqual(const Column& column, std::size_t a, std::size_t b) {
  const bool validA = column.isValid(a), validB = column.isValid(b);
  if (!validA || !validB) return validA == validB;
  switch (column.type()) {
    case ColumnType::Float64: {
      const double x = column.float64Values()[a], y = column.float64Values()[b];
      return x == y || (std::isnan(x) && std::isnan(y));
    }
    case ColumnType::Int64:
    case ColumnType::Datetime: return column.int64Values()[a] == column.int64Values()[b];
    case ColumnType::Bool: return column.boolValues()[a] == column.boolValues()[b];
    case ColumnType::Categorical: return column.codes()[a] == column.codes()[b];
    case ColumnType::Text: return column.textAt(a) == column.textAt(b);
  }
  return false;
}

bool rowsEqual(const Table& table, std::span<const std::size_t> columns, std::size_t a, std::size_t b) {
  for (std::size_t index : columns)
    if (!cellsEqual(table.column(index), a, b)) return false;
  return true;
}

}  // namespace lathe::data
