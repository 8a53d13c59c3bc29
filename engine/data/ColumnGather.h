#pragma once
#include <cstddef>
#include <memory>
#include <span>

#include "engine/data/Column.h"
#include "engine/data/Table.h"

namespace lathe::data {

// Builds new columns from a list of row indices of an existing one: what filters, sampling,
// de-duplication, joins and the training-row view of a recipe do. `rows` may repeat and reorder
// rows; every index must be below the column's size (checked: lathe::Error(Internal) otherwise).
// Categorical columns keep their level list, so codes stay comparable between input and output.
std::shared_ptr<const Column> gatherColumn(const Column& column, std::span<const std::size_t> rows);
// Every column of `table` gathered by `rows` (a table with no columns stays empty).
Table gatherTable(const Table& table, std::span<const std::size_t> rows);

}  // namespace lathe::data
