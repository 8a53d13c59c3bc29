#include "engine/data/ColumnProfile.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include "engine/data/RowChunks.h"
#include "engine/data/SortKeys.h"
#include "engine/data/TextTallies.h"
#include "engine/data/TopCategories.h"

namespace lathe::data {
namespace {

constexpr std::size_t kNone = static_cast<std::size_t>(-1);
constexpr double kInf = std::numeric_limits<double>::infinity();

// pandas' (numpy's) default 'linear' quantile of n sorted values read through at(i). Between a
// finite value and an infinity the infinity is the limit, where numpy would give NaN for 0 * inf.
template <typename At>
double quantileOf(std::size_t n, double q, At at) {
  const double index = static_cast<double>(n - 1) * q;
  const double below = std::floor(index);
  const auto i = static_cast<std::size_t>(below);
  if (i + 1 >= n) return at(n - 1);
  const double t = index - below;
  const double a = at(i);
  const double b = at(i + 1);
  if (t == 0.0 || a == b) return a;
  if (std::isinf(a) || std::isinf(b)) return a + b;
  const double diff = b - a;
  if (!std::isfinite(diff)) return a * (1.0 - t) + b * t;  // a and b near opposite ends of double's range
  return t >= 0.5 ? b - diff * (1.0 - t) : a + diff * t;
}

// numpy.histogram(values, bins='auto') over the sorted finite values [lo, hi), capped to 64 bins.
template <typename At>
std::vector<HistogramBin> histogramOf(std::size_t lo, std::size_t hi, At at) {
  const std::size_t n = hi - lo;
  if (n == 0) return {};
  const double first = at(lo);
  const double last = at(hi - 1);
  if (first == last) return {{first - 0.5, last + 0.5, n}};
  // Halving both ends keeps a range like [-1e308, 1e308] finite; bin counts are ratios.
  const bool overflows = !std::isfinite(last - first);
  auto span = [overflows](double a, double b) { return overflows ? b / 2 - a / 2 : b - a; };
  auto within = [&](double q) { return quantileOf(n, q, [&](std::size_t i) { return at(lo + i); }); };
  const double range = span(first, last);
  const double count = static_cast<double>(n);
  const double sturges = range / (std::log2(count) + 1.0);
  const double fd = 2.0 * span(within(0.25), within(0.75)) * std::pow(count, -1.0 / 3.0);
  const double bins = std::ceil(range / (fd > 0.0 ? std::min(fd, sturges) : sturges));
  const std::size_t binCount = !(bins >= 1.0) ? 1
                               : bins >= static_cast<double>(ColumnProfile::kMaxHistogramBins)
                                   ? ColumnProfile::kMaxHistogramBins
                                   : static_cast<std::size_t>(bins);
  // Edges as numpy.linspace makes them; a value v is in bin j when edge[j] <= v < edge[j + 1].
  const double step = overflows ? last / static_cast<double>(binCount) - first / static_cast<double>(binCount)
                                : (last - first) / static_cast<double>(binCount);
  auto edge = [&](std::size_t j) {
    if (j == binCount) return last;
    const auto i = static_cast<double>(j);
    return overflows ? (first / 2 + i * (step / 2)) * 2 : i * step + first;
  };
  auto lowerBound = [&](double value) {
    std::size_t a = lo, b = hi;
    while (a < b) {
      const std::size_t mid = a + (b - a) / 2;
      if (at(mid) < value) a = mid + 1;
      else b = mid;
    }
    return a;
  };
  std::vector<HistogramBin> out(binCount);
  std::size_t begin = lo;
  for (std::size_t j = 0; j < binCount; ++j) {
    const std::size_t end = j + 1 == binCount ? hi : lowerBound(edge(j + 1));
    out[j] = {edge(j), edge(j + 1), end - begin};
    begin = end;
  }
  return out;
}

// Sums in blocks so rounding error grows with the block size, not with millions of rows.
template <typename At>
double blockSum(std::size_t lo, std::size_t hi, At at) {
  double total = 0.0;
  for (std::size_t begin = lo; begin < hi; begin += 4096) {
    double block = 0.0;
    for (std::size_t i = begin, end = std::min(hi, begin + 4096); i < end; ++i) block += at(i);
    total += block;
  }
  return total;
}

// Everything numeric from the sorted keys of the present values; a look at the stop token
// between passes.
template <typename Decode>
void describeSorted(const std::vector<std::uint64_t>& keys, Decode decode, ColumnProfile& profile,
                    const jobs::JobContext& context) {
  const std::size_t n = keys.size();
  profile.count = n;
  if (n == 0) return;
  auto at = [&](std::size_t i) { return decode(keys[i]); };
  profile.distinct = 1;
  for (std::size_t i = 1; i < n; ++i) profile.distinct += keys[i] != keys[i - 1];
  profile.min = at(0);
  profile.max = at(n - 1);
  context.throwIfStopped();
  const auto lo = static_cast<std::size_t>(
      std::partition_point(keys.begin(), keys.end(), [&](std::uint64_t k) { return decode(k) == -kInf; }) -
      keys.begin());
  const auto hi = static_cast<std::size_t>(
      std::partition_point(keys.begin(), keys.end(), [&](std::uint64_t k) { return decode(k) != kInf; }) -
      keys.begin());
  if (lo > 0 || hi < n) {  // IEEE arithmetic, as pandas: inf - inf is NaN, and so is any spread
    profile.mean = lo > 0 && hi < n ? ColumnProfile::kNaN : lo > 0 ? -kInf : kInf;
  } else if (profile.min == profile.max) {  // exact, where summing n copies of 0.1 is not
    profile.mean = profile.min;
    profile.stddev = n > 1 ? 0.0 : ColumnProfile::kNaN;
  } else {
    const double mean = blockSum(0, n, at) / static_cast<double>(n);
    profile.mean = mean;
    context.throwIfStopped();
    const double squares = blockSum(0, n, [&](std::size_t i) { return (at(i) - mean) * (at(i) - mean); });
    profile.stddev = std::sqrt(squares / static_cast<double>(n - 1));
  }
  for (double q : ColumnProfile::kQuantileLevels) profile.quantiles.emplace_back(q, quantileOf(n, q, at));
  context.throwIfStopped();
  profile.histogram = histogramOf(lo, hi, at);
}

void profileFloat64(const Column& column, ColumnProfile& profile, const jobs::JobContext& context,
                    const std::string& message) {
  const auto values = column.float64Values();
  const Validity& validity = column.validity();
  std::vector<std::uint64_t> keys;
  keys.reserve(column.size() - column.missingCount());
  forEachRowChunk(column.size(), context, [&](std::size_t begin, std::size_t end) {
    for (std::size_t row = begin; row < end; ++row) {
      const double v = values[row];
      if (validity.isValid(row) && !std::isnan(v)) keys.push_back(sortKeyOf(v == 0.0 ? 0.0 : v));  // -0.0 is 0.0
    }
  });
  context.progress(0.2, message);
  sortKeys(keys, context);
  context.progress(0.8, message);
  describeSorted(keys, doubleFromSortKey, profile, context);
}

void profileInt64(const Column& column, ColumnProfile& profile, const jobs::JobContext& context,
                  const std::string& message) {
  const auto values = column.int64Values();
  const Validity& validity = column.validity();
  std::vector<std::uint64_t> keys;
  keys.reserve(column.size() - column.missingCount());
  forEachRowChunk(column.size(), context, [&](std::size_t begin, std::size_t end) {
    for (std::size_t row = begin; row < end; ++row)
      if (validity.isValid(row)) keys.push_back(sortKeyOf(values[row]));
  });
  context.progress(0.2, message);
  sortKeys(keys, context);
  context.progress(0.8, message);
  describeSorted(keys, [](std::uint64_t key) { return static_cast<double>(int64FromSortKey(key)); }, profile, context);
  if (!keys.empty()) {
    profile.exactMin = int64FromSortKey(keys.front());
    profile.exactMax = int64FromSortKey(keys.back());
  }
}

void profileBool(const Column& column, ColumnProfile& profile, const jobs::JobContext& context) {
  const auto values = column.boolValues();
  std::uint64_t counts[2] = {0, 0};
  std::size_t first[2] = {kNone, kNone};
  forEachRowChunk(column.size(), context, [&](std::size_t begin, std::size_t end) {
    for (std::size_t row = begin; row < end; ++row) {
      if (!column.isValid(row)) continue;
      const int v = values[row] != 0;
      if (counts[v]++ == 0) first[v] = row;
    }
  });
  const std::uint64_t n = counts[0] + counts[1];
  profile.count = n;
  if (n == 0) return;
  profile.distinct = (counts[0] > 0) + (counts[1] > 0);
  profile.min = counts[0] > 0 ? 0.0 : 1.0;
  profile.max = counts[1] > 0 ? 1.0 : 0.0;
  const double mean = static_cast<double>(counts[1]) / static_cast<double>(n);
  profile.mean = mean;
  if (n > 1) {
    const double squares = static_cast<double>(counts[1]) * (1.0 - mean) * (1.0 - mean) +
                           static_cast<double>(counts[0]) * mean * mean;
    profile.stddev = std::sqrt(squares / static_cast<double>(n - 1));
  }
  auto at = [&](std::size_t i) { return i < counts[0] ? 0.0 : 1.0; };
  for (double q : ColumnProfile::kQuantileLevels) profile.quantiles.emplace_back(q, quantileOf(n, q, at));
  TopCategories top;
  top.offer({counts[0], first[0], "false"});
  top.offer({counts[1], first[1], "true"});
  top.writeTo(profile);
}

void profileCategorical(const Column& column, ColumnProfile& profile, const jobs::JobContext& context) {
  const auto codes = column.codes();
  const auto& levels = column.levels();
  std::vector<std::uint64_t> counts(levels.size());
  std::vector<std::size_t> first(levels.size(), kNone);
  forEachRowChunk(column.size(), context, [&](std::size_t begin, std::size_t end) {
    for (std::size_t row = begin; row < end; ++row) {
      if (codes[row] < 0 || !column.isValid(row)) continue;
      const auto code = static_cast<std::size_t>(codes[row]);
      if (counts[code]++ == 0) first[code] = row;
    }
  });
  TopCategories top;
  for (std::size_t code = 0; code < levels.size(); ++code) {
    profile.count += counts[code];
    profile.distinct += counts[code] > 0;
    top.offer({counts[code], first[code], levels[code]});
  }
  top.writeTo(profile);
}

void profileText(const Column& column, ColumnProfile& profile, const jobs::JobContext& context) {
  TextTallies tallies(column);
  std::uint64_t characters = 0;
  forEachRowChunk(column.size(), context, [&](std::size_t begin, std::size_t end) {
    for (std::size_t row = begin; row < end; ++row) {
      if (!column.isValid(row)) continue;
      const std::string_view value = column.textAt(row);
      tallies.add(row, value);
      for (char c : value) characters += (static_cast<unsigned char>(c) & 0xC0) != 0x80;  // not a continuation byte
    }
  });
  TopCategories top;
  for (const auto& slot : tallies.slots()) {
    profile.count += slot.count;
    if (slot.count > 0) top.offer({slot.count, slot.firstRow, column.textAt(slot.firstRow)});
  }
  profile.distinct = tallies.distinct();
  if (profile.count > 0) profile.meanLength = static_cast<double>(characters) / static_cast<double>(profile.count);
  top.writeTo(profile);
}

}  // namespace

double ColumnProfile::quantile(double q) const {
  for (const auto& [level, value] : quantiles)
    if (level == q) return value;
  return kNaN;
}

ColumnProfile profileColumn(const Column& column, const jobs::JobContext& context) {
  ColumnProfile profile;
  profile.name = column.name();
  profile.type = column.type();
  const std::string message = "Profiling " + column.name();
  context.progress(0.0, message);
  switch (column.type()) {
    case ColumnType::Float64: profileFloat64(column, profile, context, message); break;
    case ColumnType::Int64:
    case ColumnType::Datetime: profileInt64(column, profile, context, message); break;
    case ColumnType::Bool: profileBool(column, profile, context); break;
    case ColumnType::Categorical: profileCategorical(column, profile, context); break;
    case ColumnType::Text: profileText(column, profile, context); break;
  }
  profile.missing = column.size() - profile.count;
  context.progress(1.0, message);
  return profile;
}

}  // namespace lathe::data
