#pragma once
#include <cstddef>
#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include "engine/data/Column.h"
#include "engine/jobs/JobContext.h"

namespace lathe::data {

// What a column's header draws: a mini histogram. Cheaper than a ColumnProfile (no sort, no
// quantiles), so every column of a wide table gets one as soon as it is shown.
struct ColumnSketch {
  static constexpr std::size_t kDefaultBins = 16;
  static constexpr std::size_t kDefaultLevels = 8;

  ColumnType type = ColumnType::Float64;
  std::uint64_t rows = 0;
  std::uint64_t missing = 0;  // NaN counts as missing, as in the profile
  // Float64, int64 and datetime: equal-width bins over the finite values' [low, high] (the last bin
  // holds `high`; a constant column has one bin). Categorical and bool: the most frequent levels,
  // most frequent first (ties: the level listed first), with their names in `labels`. Text: none.
  std::vector<std::uint64_t> counts;
  std::vector<std::string> labels;
  double low = std::numeric_limits<double>::quiet_NaN();
  double high = std::numeric_limits<double>::quiet_NaN();
  std::uint64_t otherCount = 0;  // present values in no bar: infinities, levels past the top ones

  bool isHistogram() const noexcept { return labels.empty(); }
  std::uint64_t largestCount() const noexcept;

  // Sketches one column: a pass for the range, a pass for the bins (one pass for levels), chunked
  // so the stop token is honoured (throws jobs::JobCancelled). `bins` and `levels` are clamped to
  // [1, 256].
  static ColumnSketch of(const Column& column, const jobs::JobContext& context, std::size_t bins = kDefaultBins,
                         std::size_t levels = kDefaultLevels);
};

}  // namespace lathe::data
