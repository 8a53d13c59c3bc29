#include "engine/data/ColumnGather.h"

#include <string>
#include <vector>

#include "engine/core/Error.h"

namespace lathe::data {
namespace {

template <typename T>
std::vector<T> gatherValues(std::span<const T> values, std::span<const std::size_t> rows) {
  std::vector<T> out(rows.size());
  for (std::size_t i = 0; i < rows.size(); ++i) out[i] = values[rows[i]];
  return out;
}

// Missing rows of the output; no bitmap at all when the input has none.
Validity gatherValidity(const Column& column, std::span<const std::size_t> rows) {
  Validity out;
  if (!column.validity().hasMissing()) return out;
  for (std::size_t i = 0; i < rows.size(); ++i)
    if (!column.isValid(rows[i])) out.setMissing(i, rows.size());
  return out;
}

}  // namespace

std::shared_ptr<const Column> gatherColumn(const Column& column, std::span<const std::size_t> rows) {
  const std::size_t size = column.size();
  for (std::size_t row : rows)
    if (row >= size)
      throw Error(ErrorCode::Internal, "row " + std::to_string(row) + " is outside column '" + column.name() +
                                           "' of " + std::to_string(size) + " rows");
  Validity validity = gatherValidity(column, rows);
  switch (column.type()) {
    case ColumnType::Float64:
      return Column::float64(column.name(), gatherValues(column.float64Values(), rows), std::move(validity));
    case ColumnType::Int64:
      return Column::int64(column.name(), gatherValues(column.int64Values(), rows), std::move(validity));
    case ColumnType::Datetime:
      return Column::datetime(column.name(), gatherValues(column.int64Values(), rows), std::move(validity));
    case ColumnType::Bool:
      return Column::boolean(column.name(), gatherValues(column.boolValues(), rows), std::move(validity));
    case ColumnType::Categorical:
      return Column::categorical(column.name(), gatherValues(column.codes(), rows), column.levels(),
                                 std::move(validity));
    case ColumnType::Text: {
      std::vector<std::uint64_t> offsets(rows.size() + 1, 0);
      std::size_t bytes = 0;
      for (std::size_t i = 0; i < rows.size(); ++i) bytes += column.textAt(rows[i]).size();
      std::string buffer;
      buffer.reserve(bytes);
      for (std::size_t i = 0; i < rows.size(); ++i) {
        buffer += column.textAt(rows[i]);
        offsets[i + 1] = buffer.size();
      }
      return Column::text(column.name(), std::move(offsets), std::move(buffer), std::move(validity));
    }
  }
  throw Error(ErrorCode::Internal, "column '" + column.name() + "' has an unknown type");
}

Table gatherTable(const Table& table, std::span<const std::size_t> rows) {
  std::vector<std::shared_ptr<const Column>> columns;
  columns.reserve(table.columnCount());
  for (const auto& column : table.columns()) columns.push_back(gatherColumn(*column, rows));
  return Table(std::move(columns));
}

}  // namespace lathe::data
