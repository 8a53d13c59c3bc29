#include "engine/monitor/BaselineBuilder.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstdint>
#include <limits>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "engine/data/ColumnType.h"
#include "engine/jobs/JobContext.h"
#include "engine/jobs/ParallelFor.h"
#include "engine/monitor/FiniteValues.h"

namespace lathe::monitor {
namespace {

using data::Column;
using data::ColumnType;

constexpr std::size_t kQuantileCount = 1001;
constexpr std::size_t kMaxCategories = 1000;

FeatureKind kindOf(ColumnType type) {
  switch (type) {
    case ColumnType::Float64:
    case ColumnType::Int64: return FeatureKind::Numeric;
    case ColumnType::Bool:
    case ColumnType::Categorical:
    case ColumnType::Text: return FeatureKind::Categorical;
    case ColumnType::Datetime: return FeatureKind::Untested;
  }
  return FeatureKind::Untested;
}

// numpy.quantile's default ("linear"): position q (n - 1), interpolated between its neighbours
// the way numpy's _lerp does (from the nearer end), so the figures match numpy's to the bit in
// most cases.
double quantileOf(const std::vector<double>& sorted, double q) {
  const double position = q * double(sorted.size() - 1);
  const double below = std::floor(position);
  const auto lo = static_cast<std::size_t>(below);
  if (lo + 1 >= sorted.size()) return sorted.back();
  const double t = position - below;
  const double a = sorted[lo];
  const double b = sorted[lo + 1];
  const double diff = b - a;
  if (!std::isfinite(diff)) return a * (1.0 - t) + b * t;  // a and b near opposite ends of double's range
  const double value = t >= 0.5 ? b - diff * (1.0 - t) : a + diff * t;
  return std::clamp(value, a, b);
}

void describeNumbers(const Column& column, FeatureBaseline& f) {
  const std::vector<double> values = sortedFiniteValues(column);
  f.missing = f.rows - values.size();
  if (values.empty()) return;
  const double n = double(values.size());
  f.min = values.front();
  f.max = values.back();
  // Two passes over values scaled into [-1, 1] when they are huge, so sums cannot overflow.
  const double largest = std::max(std::abs(f.min), std::abs(f.max));
  const double scale = largest > 1e150 ? largest : 1.0;
  double sum = 0.0;
  for (double v : values) sum += v / scale;
  const double mean = sum / n;
  double squares = 0.0;
  for (double v : values) {
    const double d = v / scale - mean;
    squares += d * d;
  }
  f.mean = std::clamp(mean * scale, f.min, f.max);
  f.stddev = std::sqrt(squares / n) * scale;
  if (!std::isfinite(f.stddev)) f.stddev = std::numeric_limits<double>::max();

  f.quantiles.resize(kQuantileCount);
  for (std::size_t k = 0; k < kQuantileCount; ++k)
    f.quantiles[k] = std::max(quantileOf(values, double(k) / double(kQuantileCount - 1)), k ? f.quantiles[k - 1] : f.min);
  // PSI bins: the deciles, each once. Bin i holds (edge[i - 1], edge[i]].
  for (std::size_t d = 1; d <= 9; ++d) {
    const double edge = f.quantiles[d * (kQuantileCount - 1) / 10];
    if (f.binEdges.empty() || edge > f.binEdges.back()) f.binEdges.push_back(edge);
  }
  std::size_t previous = 0;
  for (double edge : f.binEdges) {
    const auto upTo = static_cast<std::size_t>(std::upper_bound(values.begin(), values.end(), edge) - values.begin());
    f.binShares.push_back(double(upTo - previous) / n);
    previous = upTo;
  }
  f.binShares.push_back(double(values.size() - previous) / n);
}

void describeCategories(const Column& column, FeatureBaseline& f) {
  std::vector<std::pair<std::string, std::uint64_t>> counts;
  std::uint64_t valid = 0;
  switch (column.type()) {
    case ColumnType::Bool: {
      std::uint64_t seen[2] = {0, 0};
      const auto values = column.boolValues();
      for (std::size_t row = 0; row < values.size(); ++row)
        if (column.isValid(row)) ++seen[values[row] ? 1 : 0];
      counts = {{"false", seen[0]}, {"true", seen[1]}};
      break;
    }
    case ColumnType::Categorical: {
      const auto& levels = column.levels();
      std::vector<std::uint64_t> seen(levels.size(), 0);
      const auto codes = column.codes();
      for (std::size_t row = 0; row < codes.size(); ++row)
        if (column.isValid(row) && codes[row] >= 0 && std::size_t(codes[row]) < levels.size()) ++seen[codes[row]];
      for (std::size_t i = 0; i < levels.size(); ++i) counts.emplace_back(levels[i], seen[i]);
      break;
    }
    default: {  // text
      std::unordered_map<std::string_view, std::uint64_t> seen;
      for (std::size_t row = 0; row < column.size(); ++row)
        if (column.isValid(row)) ++seen[column.textAt(row)];
      counts.reserve(seen.size());
      for (const auto& entry : seen) counts.emplace_back(std::string(entry.first), entry.second);
      break;
    }
  }
  std::erase_if(counts, [](const auto& c) { return c.second == 0; });  // levels nobody used were not seen
  for (const auto& c : counts) valid += c.second;
  f.missing = f.rows - valid;
  if (valid == 0) return;
  // Most frequent first; equal counts in the order of their text, so the result is the same on
  // every run.
  std::sort(counts.begin(), counts.end(), [](const auto& a, const auto& b) {
    return a.second != b.second ? a.second > b.second : a.first < b.first;
  });
  std::uint64_t other = 0;
  for (std::size_t i = 0; i < counts.size(); ++i) {
    if (i >= kMaxCategories) {
      other += counts[i].second;
      continue;
    }
    f.categories.push_back(std::move(counts[i].first));
    f.categoryCounts.push_back(counts[i].second);
    f.binShares.push_back(double(counts[i].second) / double(valid));
  }
  f.otherShare = double(other) / double(valid);
}

}  // namespace

FeatureBaseline BaselineBuilder::describe(const data::Column& column) {
  FeatureBaseline f;
  f.name = column.name();
  f.type = std::string(data::columnTypeName(column.type()));
  f.kind = kindOf(column.type());
  f.rows = column.size();
  f.missing = column.missingCount();
  switch (f.kind) {
    case FeatureKind::Numeric: describeNumbers(column, f); break;
    case FeatureKind::Categorical: describeCategories(column, f); break;
    case FeatureKind::Untested: break;
  }
  return f;
}

FeatureConstraint BaselineBuilder::suggest(const FeatureBaseline& feature) {
  FeatureConstraint c;
  c.name = feature.name;
  c.type = feature.type;
  // A little above the baseline's own share: half as much again, and at least one point, so a
  // column with no missing value tolerates 1% and one with 20% tolerates 30%. A baseline without
  // rows says nothing about missing values: no limit.
  if (feature.rows > 0) {
    const double share = feature.missingShare();
    c.maxMissingShare = std::min(1.0, share + std::max(0.01, 0.5 * share));
  }
  if (feature.validCount() > 0) {
    if (feature.kind == FeatureKind::Numeric) {
      c.min = feature.min;
      c.max = feature.max;
    } else if (feature.kind == FeatureKind::Categorical && feature.otherShare == 0.0 &&
               feature.categories.size() <= kMaxCategories) {
      c.allowedCategories = feature.categories;
    }
  }
  return c;
}

Baseline BaselineBuilder::build(const data::Table& table, std::string source, const jobs::JobContext* context) {
  Baseline baseline;
  baseline.source = std::move(source);
  baseline.rows = table.rowCount();
  const std::size_t count = table.columnCount();
  baseline.features.resize(count);
  baseline.constraints.resize(count);
  std::atomic<std::size_t> done{0};
  jobs::parallelFor(count, 0, [&](std::size_t i) {
    if (context) context->throwIfStopped();
    baseline.features[i] = describe(table.column(i));
    baseline.constraints[i] = suggest(baseline.features[i]);
    if (context) context->progress(double(++done) / double(count), "Describing the baseline's columns");
  });
  return baseline;
}

}  // namespace lathe::monitor
