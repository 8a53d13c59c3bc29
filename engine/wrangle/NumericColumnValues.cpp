#include "engine/wrangle/NumericColumnValues.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace lathe::wrangle {

using data::Column;
using data::ColumnType;

std::vector<double> numericValues(const Column& column) {
  const std::size_t n = column.size();
  std::vector<double> out(n);
  if (column.type() == ColumnType::Float64) {
    const auto values = column.float64Values();
    std::copy(values.begin(), values.end(), out.begin());
    if (column.validity().hasMissing())
      for (std::size_t row = 0; row < n; ++row)
        if (!column.isValid(row)) out[row] = std::numeric_limits<double>::quiet_NaN();
    return out;
  }
  for (std::size_t row = 0; row < n; ++row) out[row] = column.numericAt(row);
  return out;
}

std::shared_ptr<const Column> float64Column(std::string name, std::vector<double> values) {
  data::Validity validity;
  for (std::size_t row = 0; row < values.size(); ++row)
    if (std::isnan(values[row])) validity.setMissing(row, values.size());
  return Column::float64(std::move(name), std::move(values), std::move(validity));
}

std::vector<double> sortedFinite(std::span<const double> values) {
  std::vector<double> out;
  out.reserve(values.size());
  for (double v : values)
    if (!std::isnan(v)) out.push_back(v);
  std::sort(out.begin(), out.end());
  return out;
}

double linearQuantile(std::span<const double> sorted, double q) {
  if (sorted.empty()) return std::numeric_limits<double>::quiet_NaN();
  const double position = q * static_cast<double>(sorted.size() - 1);
  const auto below = static_cast<std::size_t>(std::floor(position));
  const std::size_t above = std::min(below + 1, sorted.size() - 1);
  const double fraction = position - static_cast<double>(below);
  return sorted[below] + (sorted[above] - sorted[below]) * fraction;
}

}  // namespace lathe::wrangle
