#include "engine/data/ColumnSketch.h"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "engine/data/RowChunks.h"

namespace lathe::data {
namespace {

void sketchNumbers(const Column& column, const jobs::JobContext& context, std::size_t bins, ColumnSketch& out) {
  const std::size_t n = column.size();
  double lo = std::numeric_limits<double>::infinity();
  double hi = -lo;
  std::uint64_t missing = 0;
  std::uint64_t infinite = 0;
  forEachRowChunk(n, context, [&](std::size_t begin, std::size_t end) {
    for (std::size_t row = begin; row < end; ++row) {
      const double v = column.numericAt(row);  // NaN when missing
      if (std::isnan(v)) {
        ++missing;
      } else if (std::isinf(v)) {
        ++infinite;
      } else {
        lo = std::min(lo, v);
        hi = std::max(hi, v);
      }
    }
  });
  out.missing = missing;
  out.otherCount = infinite;
  if (lo > hi) return;  // nothing finite
  out.low = lo;
  out.high = hi;
  if (lo == hi) {
    out.counts = {n - missing - infinite};
    return;
  }
  out.counts.assign(bins, 0);
  // Halving both ends keeps a range like [-1e308, 1e308] finite.
  const double width = hi / 2 - lo / 2;
  const double scale = static_cast<double>(bins) / width;
  forEachRowChunk(n, context, [&](std::size_t begin, std::size_t end) {
    for (std::size_t row = begin; row < end; ++row) {
      const double v = column.numericAt(row);
      if (!std::isfinite(v)) continue;
      const double at = (v / 2 - lo / 2) * scale;
      out.counts[std::min(bins - 1, static_cast<std::size_t>(std::max(0.0, at)))]++;
    }
  });
}

void sketchLevels(const Column& column, const jobs::JobContext& context, std::size_t levels, ColumnSketch& out) {
  const bool isBool = column.type() == ColumnType::Bool;
  const std::vector<std::string> boolNames{"false", "true"};
  const std::vector<std::string>& names = isBool ? boolNames : column.levels();
  std::vector<std::uint64_t> tally(names.size());
  std::uint64_t missing = 0;
  forEachRowChunk(column.size(), context, [&](std::size_t begin, std::size_t end) {
    if (isBool) {
      const auto values = column.boolValues();
      for (std::size_t row = begin; row < end; ++row)
        column.isValid(row) ? ++tally[values[row] != 0] : ++missing;
    } else {
      const auto codes = column.codes();
      for (std::size_t row = begin; row < end; ++row) {
        const std::int32_t code = codes[row];
        if (!column.isValid(row) || code < 0 || static_cast<std::size_t>(code) >= tally.size()) ++missing;
        else ++tally[static_cast<std::size_t>(code)];
      }
    }
  });
  out.missing = missing;
  std::vector<std::size_t> order(names.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  const std::size_t keep = std::min(levels, order.size());
  std::partial_sort(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(keep), order.end(),
                    [&](std::size_t a, std::size_t b) { return tally[a] != tally[b] ? tally[a] > tally[b] : a < b; });
  for (std::size_t i = 0; i < order.size(); ++i) {
    if (i < keep && tally[order[i]] > 0) {
      out.counts.push_back(tally[order[i]]);
      out.labels.push_back(names[order[i]]);
    } else {
      out.otherCount += tally[order[i]];
    }
  }
}

}  // namespace

std::uint64_t ColumnSketch::largestCount() const noexcept {
  return counts.empty() ? 0 : *std::max_element(counts.begin(), counts.end());
}

ColumnSketch ColumnSketch::of(const Column& column, const jobs::JobContext& context, std::size_t bins,
                              std::size_t levels) {
  ColumnSketch sketch;
  sketch.type = column.type();
  sketch.rows = column.size();
  bins = std::clamp<std::size_t>(bins, 1, 256);
  levels = std::clamp<std::size_t>(levels, 1, 256);
  switch (column.type()) {
    case ColumnType::Float64:
    case ColumnType::Int64:
    case ColumnType::Datetime: sketchNumbers(column, context, bins, sketch); break;
    case ColumnType::Bool:
    case ColumnType::Categorical: sketchLevels(column, context, levels, sketch); break;
    case ColumnType::Text: sketch.missing = column.missingCount(); break;
  }
  return sketch;
}

}  // namespace lathe::data
