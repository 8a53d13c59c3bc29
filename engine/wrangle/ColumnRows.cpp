#include "engine/wrangle/ColumnRows.h"

#include <limits>
#include <vector>

#include "engine/core/Error.h"

namespace lathe::wrangle {

using data::Column;
using data::ColumnType;

std::shared_ptr<const Column> takeRows(const Column& column, std::span<const std::int64_t> rows,
                                       const std::string& name) {
  const std::size_t n = rows.size();
  data::Validity validity;
  auto valid = [&](std::size_t i) {
    const std::int64_t row = rows[i];
    if (row >= 0 && column.isValid(static_cast<std::size_t>(row))) return true;
    validity.setMissing(i, n);
    return false;
  };
  switch (column.type()) {
    case ColumnType::Float64: {
      const auto source = column.float64Values();
      std::vector<double> out(n, std::numeric_limits<double>::quiet_NaN());
      for (std::size_t i = 0; i < n; ++i)
        if (valid(i)) out[i] = source[static_cast<std::size_t>(rows[i])];
      return Column::float64(name, std::move(out), std::move(validity));
    }
    case ColumnType::Int64:
    case ColumnType::Datetime: {
      const auto source = column.int64Values();
      std::vector<std::int64_t> out(n, 0);
      for (std::size_t i = 0; i < n; ++i)
        if (valid(i)) out[i] = source[static_cast<std::size_t>(rows[i])];
      return column.type() == ColumnType::Int64 ? Column::int64(name, std::move(out), std::move(validity))
                                                : Column::datetime(name, std::move(out), std::move(validity));
    }
    case ColumnType::Bool: {
      const auto source = column.boolValues();
      std::vector<std::uint8_t> out(n, 0);
      for (std::size_t i = 0; i < n; ++i)
        if (valid(i)) out[i] = source[static_cast<std::size_t>(rows[i])];
      return Column::boolean(name, std::move(out), std::move(validity));
    }
    case ColumnType::Categorical: {
      const auto source = column.codes();
      std::vector<std::int32_t> out(n, -1);
      for (std::size_t i = 0; i < n; ++i)
        if (valid(i)) out[i] = source[static_cast<std::size_t>(rows[i])];
      return Column::categorical(name, std::move(out), column.levels(), std::move(validity));
    }
    case ColumnType::Text: {
      std::vector<std::uint64_t> offsets(n + 1, 0);
      std::string bytes;
      for (std::size_t i = 0; i < n; ++i) {
        if (valid(i)) bytes += column.textAt(static_cast<std::size_t>(rows[i]));
        offsets[i + 1] = bytes.size();
      }
      return Column::text(name, std::move(offsets), std::move(bytes), std::move(validity));
    }
  }
  throw Error(ErrorCode::Internal, "column '" + column.name() + "' has an unknown type");
}

}  // namespace lathe::wrangle
