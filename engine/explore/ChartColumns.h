#pragma once
#include <string>
#include <string_view>

#include "engine/data/Table.h"

namespace lathe::explore {

// Finding the columns a chart was asked for, with the errors the user sees when one is missing
// or of a type the chart cannot draw: lathe::Error(InvalidArgument) naming the column (its name
// as the error's value, its 1-based position in the table as the location's column).
// `purpose` completes "..., but <purpose> needs ...", e.g. "a box plot".

// Float64, int64, bool and datetime (microseconds) columns: values on an axis.
bool isAxisColumn(data::ColumnType type) noexcept;
// Categorical and bool columns: groups, classes, colours.
bool isLevelColumn(data::ColumnType type) noexcept;

const data::Column& chartColumn(const data::Table& table, const std::string& name, std::string_view purpose);
const data::Column& axisColumn(const data::Table& table, const std::string& name, std::string_view purpose);
const data::Column& levelColumn(const data::Table& table, const std::string& name, std::string_view purpose);

}  // namespace lathe::explore
