#pragma once
#include <algorithm>
#include <cmath>
#include <vector>

#include "engine/data/Column.h"

namespace lathe::monitor {

// The valid, finite values of a float64 or int64 column, sorted. NaN and infinities are not
// numbers a distribution can be measured with: baseline and batch alike count them as missing.
inline std::vector<double> sortedFiniteValues(const data::Column& column) {
  std::vector<double> values;
  values.reserve(column.size() - column.missingCount());
  if (column.type() == data::ColumnType::Float64) {
    const auto raw = column.float64Values();
    for (std::size_t row = 0; row < raw.size(); ++row)
      if (column.isValid(row) && std::isfinite(raw[row])) values.push_back(raw[row]);
  } else {
    const auto raw = column.int64Values();
    for (std::size_t row = 0; row < raw.size(); ++row)
      if (column.isValid(row)) values.push_back(double(raw[row]));
  }
  std::sort(values.begin(), values.end());
  return values;
}

}  // namespace lathe::monitor
