#include "engine/explore/BoxPlotData.h"

#include <algorithm>
#include <cmath>

#include "engine/data/RowChunks.h"
#include "engine/data/SortKeys.h"
#include "engine/explore/ChartColumns.h"
#include "engine/explore/LevelReader.h"
#include "engine/explore/NumericReader.h"
#include "engine/explore/TopLevels.h"

namespace lathe::explore {
namespace {

// Sorted values live as sort keys so data::sortKeys (a radix sort that honours the stop token)
// sorts them; -0.0 is stored as 0.0, as the column profile does.
using Keys = std::vector<std::uint64_t>;

double valueAt(const Keys& keys, std::size_t i) { return data::doubleFromSortKey(keys[i]); }

// pandas' default 'linear' quantile of n >= 1 sorted finite values, as data::ColumnProfile
// computes it (a lerp that stays finite between values near opposite ends of double's range).
double quantileOf(const Keys& keys, double q) {
  const std::size_t n = keys.size();
  const double index = static_cast<double>(n - 1) * q;
  const double below = std::floor(index);
  const auto i = static_cast<std::size_t>(below);
  if (i + 1 >= n) return valueAt(keys, n - 1);
  const double t = index - below;
  const double a = valueAt(keys, i);
  const double b = valueAt(keys, i + 1);
  if (t == 0.0 || a == b) return a;
  const double diff = b - a;
  if (!std::isfinite(diff)) return a * (1.0 - t) + b * t;
  return t >= 0.5 ? b - diff * (1.0 - t) : a + diff * t;
}

// Tukey's box of sorted, non-empty keys, with matplotlib's whisker rule (cbook.boxplot_stats):
// the furthest values within 1.5 IQR of the box, falling back to the box edge if none is beyond it.
BoxStats boxOf(const Keys& keys, std::string group) {
  BoxStats box;
  box.group = std::move(group);
  const std::size_t n = keys.size();
  box.count = n;
  box.min = valueAt(keys, 0);
  box.max = valueAt(keys, n - 1);
  box.q1 = quantileOf(keys, 0.25);
  box.median = quantileOf(keys, 0.5);
  box.q3 = quantileOf(keys, 0.75);
  const double reach = 1.5 * (box.q3 - box.q1);  // may be +inf for values near double's extremes
  const double lowFence = box.q1 - reach;
  const double highFence = box.q3 + reach;
  // [low, high) are the values within the fences; never empty since the box lies inside them.
  const auto low = static_cast<std::size_t>(
      std::partition_point(keys.begin(), keys.end(), [&](std::uint64_t k) { return data::doubleFromSortKey(k) < lowFence; }) -
      keys.begin());
  const auto high = static_cast<std::size_t>(
      std::partition_point(keys.begin(), keys.end(), [&](std::uint64_t k) { return data::doubleFromSortKey(k) <= highFence; }) -
      keys.begin());
  box.lowerWhisker = low < n && valueAt(keys, low) <= box.q1 ? valueAt(keys, low) : box.q1;
  box.upperWhisker = high > 0 && valueAt(keys, high - 1) >= box.q3 ? valueAt(keys, high - 1) : box.q3;
  box.outlierCount = low + (n - high);
  // The most extreme first: walk in from both ends, taking whichever value lies further from the box.
  std::size_t below = 0, above = n;  // taken: [0, below) and [above, n)
  while (below + (n - above) < std::min<std::uint64_t>(box.outlierCount, BoxStats::kMaxOutliers)) {
    const bool lowLeft = below < low;
    const bool highLeft = above > high;
    if (lowLeft && (!highLeft || box.q1 - valueAt(keys, below) >= valueAt(keys, above - 1) - box.q3)) ++below;
    else --above;
  }
  box.outliers.reserve(below + (n - above));
  for (std::size_t i = 0; i < below; ++i) box.outliers.push_back(valueAt(keys, i));
  for (std::size_t i = above; i < n; ++i) box.outliers.push_back(valueAt(keys, i));
  return box;
}

std::uint64_t keyOf(double v) { return data::sortKeyOf(v == 0.0 ? 0.0 : v); }

}  // namespace

BoxPlotData BoxPlotData::of(const data::Table& table, const std::string& column, const std::string& groupBy,
                            const jobs::JobContext& context) {
  const data::Column& values = axisColumn(table, column, "a box plot");
  const std::string message = "Box plot of " + column;
  BoxPlotData out;
  out.column = column;
  out.groupColumn = groupBy;
  const NumericReader value(values);
  const std::size_t rows = table.rowCount();
  context.progress(0.0, message);

  if (groupBy.empty()) {
    Keys keys;
    keys.reserve(rows - values.missingCount());
    data::forEachRowChunk(rows, context, [&](std::size_t begin, std::size_t end) {
      for (std::size_t row = begin; row < end; ++row)
        if (const double v = value.at(row); std::isfinite(v)) keys.push_back(keyOf(v));
    });
    context.progress(0.3, message);
    data::sortKeys(keys, context.subRange(0.3, 0.9));
    if (!keys.empty()) out.boxes.push_back(boxOf(keys, {}));
    context.progress(1.0, message);
    return out;
  }

  // Grouped: count each level's rows first, so each kept group's buffer is allocated once.
  const LevelReader level(levelColumn(table, groupBy, "grouping a box plot"));
  std::vector<std::uint64_t> counts(level.levelCount());
  data::forEachRowChunk(rows, context, [&](std::size_t begin, std::size_t end) {
    for (std::size_t row = begin; row < end; ++row) {
      const std::int32_t code = level.code(row);
      if (code >= 0 && std::isfinite(value.at(row))) ++counts[static_cast<std::size_t>(code)];
    }
  });
  context.progress(0.2, message);
  const TopLevels groups(counts, level.names(), kMaxGroups, false);
  std::vector<Keys> keys(groups.size());
  for (std::size_t g = 0; g < groups.size(); ++g) keys[g].reserve(groups.counts()[g]);
  data::forEachRowChunk(rows, context, [&](std::size_t begin, std::size_t end) {
    for (std::size_t row = begin; row < end; ++row) {
      const std::int32_t slot = groups.slotOf(level.code(row));
      if (slot < 0) continue;
      if (const double v = value.at(row); std::isfinite(v)) keys[static_cast<std::size_t>(slot)].push_back(keyOf(v));
    }
  });
  context.progress(0.4, message);
  for (std::size_t g = 0; g < groups.size(); ++g) {
    const double from = 0.4 + 0.6 * static_cast<double>(g) / static_cast<double>(groups.size());
    data::sortKeys(keys[g], context.subRange(from, from + 0.6 / static_cast<double>(groups.size())));
    out.boxes.push_back(boxOf(keys[g], groups.names()[g]));
    Keys().swap(keys[g]);  // free each group's buffer once its box is made
  }
  context.progress(1.0, message);
  return out;
}

}  // namespace lathe::explore
