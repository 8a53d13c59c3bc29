#pragma once
#include <cstddef>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "engine/data/Column.h"
#include "engine/jobs/JobContext.h"

namespace lathe::data {

// One bar of a histogram: values in [low, high), the last bin also holding its high edge.
struct HistogramBin {
  double low = 0.0;
  double high = 0.0;
  std::uint64_t count = 0;
};

// A value of a categorical, bool or text column and how many rows hold it.
struct CategoryCount {
  std::string value;
  std::uint64_t count = 0;
};

// The statistics the Data dock shows for one column, computed by profileColumn(). The numbers
// follow pandas so users can check them there: describe(), quantile(), nunique(), value_counts().
struct ColumnProfile {
  static constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
  // The quantiles computed, in this order.
  static constexpr double kQuantileLevels[] = {0.0, 0.05, 0.25, 0.5, 0.75, 0.95, 1.0};
  static constexpr std::size_t kTopCategories = 10;
  static constexpr std::size_t kMaxHistogramBins = 64;

  std::string name;
  ColumnType type = ColumnType::Float64;
  std::uint64_t count = 0;     // present values; a NaN in a float64 column counts as missing, as in pandas
  std::uint64_t missing = 0;   // count + missing = rows
  std::uint64_t distinct = 0;  // exact, among present values (0.0 and -0.0 are one value)

  // Numeric, bool and datetime columns (datetime in microseconds since the epoch, bool as 0/1);
  // NaN for categorical and text columns and when there is no present value. Infinities count
  // as values: min/max report them, mean is ±inf (NaN with both signs), stddev is NaN.
  double min = kNaN;
  double max = kNaN;
  double mean = kNaN;
  double stddev = kNaN;  // sample (ddof = 1), NaN below two values
  // Int64 and datetime columns: the exact extremes, which `min`/`max` round above 2^53.
  std::optional<std::int64_t> exactMin;
  std::optional<std::int64_t> exactMax;
  // (q, value) for each of kQuantileLevels, linear interpolation between order statistics as
  // pandas' default; empty when there is no present value.
  std::vector<std::pair<double, double>> quantiles;
  // Numeric and datetime columns: equal-width bins over the finite values' [min, max], as many
  // as numpy's 'auto' rule picks (the more of Sturges and Freedman-Diaconis) within [1, 64].
  // A single distinct value gets one bin [v - 0.5, v + 0.5], as numpy does. Infinities fall in
  // no bin, so the counts sum to `count` minus the infinite values.
  std::vector<HistogramBin> histogram;

  // Categorical, bool and text columns: the most frequent values (at most kTopCategories),
  // ties broken by first appearance, and how many present values the rest hold.
  std::vector<CategoryCount> topCategories;
  std::uint64_t otherCount = 0;
  // Text columns: mean length in characters (UTF-8 code points); NaN otherwise.
  double meanLength = kNaN;

  // The value for quantile level q (one of kQuantileLevels), NaN if it was not computed.
  double quantile(double q) const;
};

// Profiles one column in a few passes over its values. Honours the context's stop token
// (throws jobs::JobCancelled) and reports progress through it.
ColumnProfile profileColumn(const Column& column, const jobs::JobContext& context);

}  // namespace lathe::data
