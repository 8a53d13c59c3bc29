#include "engine/data/ColumnProfile.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <functional>
#include <limits>
#include <string_view>
#include <utility>

namespace lathe::data {
namespace {

constexpr std::size_t kNone = static_cast<std::size_t>(-1);
// Rows handled between two looks at the stop token: a few milliseconds of work.
constexpr std::size_t kChunkRows = std::size_t{1} << 20;
// Below this many values std::sort beats the radix sort's fixed cost (its bucket tables).
constexpr std::size_t kRadixMinimum = std::size_t{1} << 16;
constexpr std::uint64_t kSignBit = std::uint64_t{1} << 63;
constexpr double kInf = std::numeric_limits<double>::infinity();

template <typename Fn>
void forChunks(std::size_t rows, const jobs::JobContext& context, Fn fn) {
  for (std::size_t begin = 0; begin < rows; begin += kChunkRows) {
    context.throwIfStopped();
    fn(begin, std::min(rows, begin + kChunkRows));
  }
}

// Keys whose unsigned order is the values' order, so doubles and int64s share one radix sort.
std::uint64_t keyOf(double value) {
  const auto bits = std::bit_cast<std::uint64_t>(value);
  return (bits & kSignBit) ? ~bits : bits | kSignBit;
}
double doubleOf(std::uint64_t key) { return std::bit_cast<double>((key & kSignBit) ? key & ~kSignBit : ~key); }
std::uint64_t keyOf(std::int64_t value) { return static_cast<std::uint64_t>(value) ^ kSignBit; }
std::int64_t intOf(std::uint64_t key) { return static_cast<std::int64_t>(key ^ kSignBit); }

// LSD radix sort, 16 bits a pass, skipping passes where every key shares the digit (the high
// digits of most real columns). Measured on 3M normal doubles: ~2x faster than std::sort.
void sortKeys(std::vector<std::uint64_t>& keys, const jobs::JobContext& context) {
  const std::size_t n = keys.size();
  if (n < kRadixMinimum) {
    std::sort(keys.begin(), keys.end());
    return;
  }
  constexpr int kBits = 16;
  constexpr int kPasses = 64 / kBits;
  constexpr std::size_t kBuckets = std::size_t{1} << kBits;
  auto digit = [](std::uint64_t key, int pass) { return static_cast<std::size_t>((key >> (pass * kBits)) & (kBuckets - 1)); };
  std::vector<std::size_t> counts(kPasses * kBuckets);
  forChunks(n, context, [&](std::size_t begin, std::size_t end) {
    for (std::size_t i = begin; i < end; ++i)
      for (int pass = 0; pass < kPasses; ++pass) ++counts[static_cast<std::size_t>(pass) * kBuckets + digit(keys[i], pass)];
  });
  std::vector<std::uint64_t> buffer(n);
  std::uint64_t* from = keys.data();
  std::uint64_t* to = buffer.data();
  for (int pass = 0; pass < kPasses; ++pass) {
    std::size_t* next = &counts[static_cast<std::size_t>(pass) * kBuckets];
    if (next[digit(from[0], pass)] == n) continue;
    std::size_t start = 0;
    for (std::size_t d = 0; d < kBuckets; ++d) start += std::exchange(next[d], start);
    forChunks(n, context, [&](std::size_t begin, std::size_t end) {
      for (std::size_t i = begin; i < end; ++i) to[next[digit(from[i], pass)]++] = from[i];
    });
    std::swap(from, to);
  }
  if (from != keys.data()) keys.swap(buffer);
}

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

// The first kTopCategories candidates by count, then by first appearance.
struct Candidate {
  std::uint64_t count = 0;
  std::size_t firstRow = kNone;
  std::string_view value;
};
class TopCategories {
 public:
  void offer(const Candidate& candidate) {
    if (candidate.count == 0) return;
    if (heap_.size() < ColumnProfile::kTopCategories) {
      heap_.push_back(candidate);
      std::push_heap(heap_.begin(), heap_.end(), ranksFirst);
    } else if (ranksFirst(candidate, heap_.front())) {  // the front is the weakest kept
      std::pop_heap(heap_.begin(), heap_.end(), ranksFirst);
      heap_.back() = candidate;
      std::push_heap(heap_.begin(), heap_.end(), ranksFirst);
    }
  }
  void writeTo(ColumnProfile& profile) {
    std::sort_heap(heap_.begin(), heap_.end(), ranksFirst);
    std::uint64_t shown = 0;
    for (const auto& c : heap_) {
      profile.topCategories.push_back({std::string(c.value), c.count});
      shown += c.count;
    }
    profile.otherCount = profile.count - shown;
  }

 private:
  static bool ranksFirst(const Candidate& a, const Candidate& b) {
    return a.count != b.count ? a.count > b.count : a.firstRow < b.firstRow;
  }
  std::vector<Candidate> heap_;
};

void profileFloat64(const Column& column, ColumnProfile& profile, const jobs::JobContext& context,
                    const std::string& message) {
  const auto values = column.float64Values();
  const Validity& validity = column.validity();
  std::vector<std::uint64_t> keys;
  keys.reserve(column.size() - column.missingCount());
  forChunks(column.size(), context, [&](std::size_t begin, std::size_t end) {
    for (std::size_t row = begin; row < end; ++row) {
      const double v = values[row];
      if (validity.isValid(row) && !std::isnan(v)) keys.push_back(keyOf(v == 0.0 ? 0.0 : v));  // -0.0 is 0.0
    }
  });
  context.progress(0.2, message);
  sortKeys(keys, context);
  context.progress(0.8, message);
  describeSorted(keys, doubleOf, profile, context);
}

void profileInt64(const Column& column, ColumnProfile& profile, const jobs::JobContext& context,
                  const std::string& message) {
  const auto values = column.int64Values();
  const Validity& validity = column.validity();
  std::vector<std::uint64_t> keys;
  keys.reserve(column.size() - column.missingCount());
  forChunks(column.size(), context, [&](std::size_t begin, std::size_t end) {
    for (std::size_t row = begin; row < end; ++row)
      if (validity.isValid(row)) keys.push_back(keyOf(values[row]));
  });
  context.progress(0.2, message);
  sortKeys(keys, context);
  context.progress(0.8, message);
  describeSorted(keys, [](std::uint64_t key) { return static_cast<double>(intOf(key)); }, profile, context);
  if (!keys.empty()) {
    profile.exactMin = intOf(keys.front());
    profile.exactMax = intOf(keys.back());
  }
}

void profileBool(const Column& column, ColumnProfile& profile, const jobs::JobContext& context) {
  const auto values = column.boolValues();
  std::uint64_t counts[2] = {0, 0};
  std::size_t first[2] = {kNone, kNone};
  forChunks(column.size(), context, [&](std::size_t begin, std::size_t end) {
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
  forChunks(column.size(), context, [&](std::size_t begin, std::size_t end) {
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

// Counts equal texts with open addressing over the column's own bytes: a slot remembers the
// first row holding its value, so nothing is copied and there is no node per value (a
// std::unordered_map took 3.3 s on 3M distinct values, this ~4x less).
class TextTallies {
 public:
  struct Slot {
    std::uint64_t hash = 0;
    std::size_t firstRow = kNone;
    std::uint64_t count = 0;
  };
  explicit TextTallies(const Column& column) : column_(column), slots_(1024) {}

  void add(std::size_t row, std::string_view value) {
    const std::uint64_t hash = std::hash<std::string_view>{}(value);
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t i = hash & mask;; i = (i + 1) & mask) {
      Slot& slot = slots_[i];
      if (slot.count == 0) {
        slot = {hash, row, 1};
        if (++used_ * 10 > slots_.size() * 7) grow();
        return;
      }
      if (slot.hash == hash && column_.textAt(slot.firstRow) == value) {
        ++slot.count;
        return;
      }
    }
  }
  std::size_t distinct() const noexcept { return used_; }
  const std::vector<Slot>& slots() const noexcept { return slots_; }

 private:
  void grow() {
    std::vector<Slot> old(slots_.size() * 2);
    old.swap(slots_);
    const std::size_t mask = slots_.size() - 1;
    for (const Slot& slot : old) {
      if (slot.count == 0) continue;
      std::size_t i = slot.hash & mask;
      while (slots_[i].count != 0) i = (i + 1) & mask;
      slots_[i] = slot;
    }
  }
  const Column& column_;
  std::vector<Slot> slots_;
  std::size_t used_ = 0;
};

void profileText(const Column& column, ColumnProfile& profile, const jobs::JobContext& context) {
  TextTallies tallies(column);
  std::uint64_t characters = 0;
  forChunks(column.size(), context, [&](std::size_t begin, std::size_t end) {
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
