#pragma once
#include <cstdint>
#include <memory>
#include <span>
#include <string>

#include "engine/data/Column.h"

namespace lathe::wrangle {

// The rows of `column` listed in `rows` (-1: a missing value), as a new column of the same type
// named `name`: how a join gathers each side's rows.
std::shared_ptr<const data::Column> takeRows(const data::Column& column, std::span<const std::int64_t> rows,
                                             const std::string& name);

}  // namespace lathe::wrangle
