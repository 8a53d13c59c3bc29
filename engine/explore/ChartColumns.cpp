#include "engine/explore/ChartColumns.h"

#include "engine/core/Error.h"

namespace lathe::explore {
namespace {

std::size_t indexOrThrow(const data::Table& table, const std::string& name, std::string_view purpose) {
  if (name.empty()) throw Error(ErrorCode::InvalidArgument, "No column was chosen for " + std::string(purpose));
  const auto index = table.indexOf(name);
  if (!index) throw Error(ErrorCode::InvalidArgument, "No column named '" + name + "' in the table", {}, name);
  return *index;
}

[[noreturn]] void wrongType(const data::Column& column, std::size_t index, std::string_view purpose,
                            std::string_view wanted) {
  ErrorLocation where;
  where.column = static_cast<std::int64_t>(index) + 1;
  throw Error(ErrorCode::InvalidArgument,
              "Column '" + column.name() + "' is " + std::string(data::columnTypeName(column.type())) + ", but " +
                  std::string(purpose) + " needs " + std::string(wanted),
              where, column.name());
}

}  // namespace

bool isAxisColumn(data::ColumnType type) noexcept {
  return type == data::ColumnType::Float64 || type == data::ColumnType::Int64 || type == data::ColumnType::Bool ||
         type == data::ColumnType::Datetime;
}

bool isLevelColumn(data::ColumnType type) noexcept {
  return type == data::ColumnType::Categorical || type == data::ColumnType::Bool;
}

const data::Column& chartColumn(const data::Table& table, const std::string& name, std::string_view purpose) {
  const std::size_t index = indexOrThrow(table, name, purpose);
  const data::Column& column = table.column(index);
  if (column.type() == data::ColumnType::Text) wrongType(column, index, purpose, "numbers, dates or categories");
  return column;
}

const data::Column& axisColumn(const data::Table& table, const std::string& name, std::string_view purpose) {
  const std::size_t index = indexOrThrow(table, name, purpose);
  const data::Column& column = table.column(index);
  if (!isAxisColumn(column.type())) wrongType(column, index, purpose, "a numeric, bool or datetime column");
  return column;
}

const data::Column& levelColumn(const data::Table& table, const std::string& name, std::string_view purpose) {
  const std::size_t index = indexOrThrow(table, name, purpose);
  const data::Column& column = table.column(index);
  if (!isLevelColumn(column.type())) wrongType(column, index, purpose, "a categorical or bool column");
  return column;
}

}  // namespace lathe::explore
