#pragma once
#include <cstddef>
#include <cstdint>
#include <limits>

#include "engine/data/Column.h"

namespace lathe::explore {

// Reads a float64, int64, bool or datetime column (datetimes in microseconds) as doubles, NaN
// where a value is missing, without Column::numericAt's per-row type lookup: the charts read
// millions of rows. Another column type reads as all NaN.
class NumericReader {
 public:
  explicit NumericReader(const data::Column& column) : validity_(&column.validity()) {
    switch (column.type()) {
      case data::ColumnType::Float64: doubles_ = column.float64Values().data(); break;
      case data::ColumnType::Int64:
      case data::ColumnType::Datetime: int64s_ = column.int64Values().data(); break;
      case data::ColumnType::Bool: bools_ = column.boolValues().data(); break;
      default: break;
    }
  }

  double at(std::size_t row) const {
    if (!validity_->isValid(row)) return std::numeric_limits<double>::quiet_NaN();
    if (doubles_) return doubles_[row];
    if (int64s_) return static_cast<double>(int64s_[row]);
    if (bools_) return bools_[row] != 0 ? 1.0 : 0.0;
    return std::numeric_limits<double>::quiet_NaN();
  }

 private:
  const data::Validity* validity_;
  const double* doubles_ = nullptr;
  const std::int64_t* int64s_ = nullptr;
  const std::uint8_t* bools_ = nullptr;
};

}  // namespace lathe::explore
