#pragma once
#include <memory>
#include <span>
#include <string>
#include <vector>

#include "engine/data/Column.h"

namespace lathe::wrangle {

// A numeric column as plain doubles (NaN where missing), and back, for the steps that compute
// on numbers (scaling, binning, clipping, power and log transforms).

// The values of a numeric column as doubles, NaN where missing.
std::vector<double> numericValues(const data::Column& column);
// A float64 column from `values`, missing where a value is NaN (or where the source was missing).
std::shared_ptr<const data::Column> float64Column(std::string name, std::vector<double> values);
// The valid (non-NaN) values, sorted, for quantiles.
std::vector<double> sortedFinite(std::span<const double> values);
// numpy.percentile's default ("linear"): q in [0, 1] over sorted values; NaN when empty.
double linearQuantile(std::span<const double> sorted, double q);

}  // namespace lathe::wrangle
