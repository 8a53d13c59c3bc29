#include "engine/explore/ScatterSample.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>

#include "engine/data/RowChunks.h"
#include "engine/explore/ChartColumns.h"
#include "engine/explore/LevelReader.h"
#include "engine/explore/NumericReader.h"
#include "engine/explore/ReservoirSampler.h"
#include "engine/explore/TopLevels.h"

namespace lathe::explore {
namespace {

// The grid cell of v along an axis [low, high]; the last cell holds `high`. Halving both ends
// keeps a range like [-1e308, 1e308] finite; dividing (not multiplying by a precomputed scale)
// keeps a subnormal-wide range finite too.
std::size_t cellOf(double v, double low, double high) {
  const double span = high / 2 - low / 2;
  const double at = (v / 2 - low / 2) / span * static_cast<double>(ScatterSample::kGridSize);
  if (!(at >= 0.0)) return span > 0.0 ? 0 : ScatterSample::kGridSize / 2;  // NaN: a zero-width axis
  return at >= static_cast<double>(ScatterSample::kGridSize - 1) ? ScatterSample::kGridSize - 1
                                                                 : static_cast<std::size_t>(at);
}

// A single value gets a unit-wide axis around it, as numpy.histogram does.
void widenIfFlat(double& low, double& high) {
  if (low == high) {
    low -= 0.5;
    high += 0.5;
  }
}

}  // namespace

ScatterSample ScatterSample::of(const data::Table& table, const std::string& xColumn, const std::string& yColumn,
                                const std::string& colorBy, const jobs::JobContext& context, std::size_t maxPoints,
                                std::uint64_t seed) {
  const NumericReader xs(axisColumn(table, xColumn, "a scatter plot's x axis"));
  const NumericReader ys(axisColumn(table, yColumn, "a scatter plot's y axis"));
  std::optional<LevelReader> colour;
  if (!colorBy.empty()) colour.emplace(levelColumn(table, colorBy, "colouring a scatter plot"));
  const std::string message = "Scatter of " + yColumn + " against " + xColumn;
  ScatterSample out;
  out.xColumn = xColumn;
  out.yColumn = yColumn;
  out.colorColumn = colorBy;
  const std::size_t rows = table.rowCount();
  const double progressPerRow = rows > 0 ? 0.45 / static_cast<double>(rows) : 0.0;

  // Pass 1: the ranges, the sample, the colour counts.
  ReservoirSampler sampler(std::min(maxPoints, rows), seed);
  std::vector<std::uint64_t> colourCounts(colour ? colour->levelCount() : 0);
  constexpr double kInf = std::numeric_limits<double>::infinity();
  double xMin = kInf, xMax = -kInf, yMin = kInf, yMax = -kInf;
  context.progress(0.0, message);
  data::forEachRowChunk(rows, context, [&](std::size_t begin, std::size_t end) {
    for (std::size_t row = begin; row < end; ++row) {
      const double x = xs.at(row);
      const double y = ys.at(row);
      if (!std::isfinite(x) || !std::isfinite(y)) continue;
      xMin = std::min(xMin, x);
      xMax = std::max(xMax, x);
      yMin = std::min(yMin, y);
      yMax = std::max(yMax, y);
      sampler.offer(row);
      if (colour)
        if (const std::int32_t code = colour->code(row); code >= 0) ++colourCounts[static_cast<std::size_t>(code)];
    }
    context.progress(static_cast<double>(end) * progressPerRow, message);
  });
  out.totalPoints = sampler.seen();
  if (out.totalPoints == 0) return out;
  widenIfFlat(xMin, xMax);
  widenIfFlat(yMin, yMax);
  out.xMin = xMin;
  out.xMax = xMax;
  out.yMin = yMin;
  out.yMax = yMax;

  // Pass 2: every counted row into the density grid.
  out.density.assign(kGridSize * kGridSize, 0);
  data::forEachRowChunk(rows, context, [&](std::size_t begin, std::size_t end) {
    for (std::size_t row = begin; row < end; ++row) {
      const double x = xs.at(row);
      const double y = ys.at(row);
      if (!std::isfinite(x) || !std::isfinite(y)) continue;
      std::uint32_t& cell = out.density[cellOf(y, yMin, yMax) * kGridSize + cellOf(x, xMin, xMax)];
      if (cell != std::numeric_limits<std::uint32_t>::max()) ++cell;
    }
    context.progress(0.45 + static_cast<double>(end) * progressPerRow, message);
  });

  // The drawn points in row order, so a redraw lays them down in the same order.
  std::vector<std::size_t>& drawn = sampler.items();
  std::sort(drawn.begin(), drawn.end());
  context.throwIfStopped();
  out.x.reserve(drawn.size());
  out.y.reserve(drawn.size());
  for (std::size_t row : drawn) {
    out.x.push_back(xs.at(row));
    out.y.push_back(ys.at(row));
  }
  if (colour) {
    const TopLevels shown(colourCounts, colour->names(), kMaxCategories, true);
    out.categoryNames = shown.names();
    out.category.reserve(drawn.size());
    for (std::size_t row : drawn) out.category.push_back(shown.slotOf(colour->code(row)));
  }
  context.progress(1.0, message);
  return out;
}

}  // namespace lathe::explore
