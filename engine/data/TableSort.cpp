#include "engine/data/TableSort.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <limits>
#include <memory>
#include <numeric>
#include <string>
#include <string_view>
#include <utility>

#include "engine/core/Error.h"
#include "engine/data/SortKeys.h"
#include "engine/jobs/ParallelFor.h"

namespace lathe::data {
namespace {

// 11-bit digits: 2048 buckets keep each chunk's histogram in L1 and the scatter targets in cache.
constexpr int kDigitBits = 11;
constexpr std::size_t kBuckets = std::size_t{1} << kDigitBits;
// Below this, std::stable_sort beats the radix sort's fixed cost.
constexpr std::size_t kRadixMinimum = std::size_t{1} << 14;

// A key and its row, when the two do not fit together in one uint64.
struct Pair {
  std::uint64_t key;
  std::uint32_t row;
};
std::uint64_t keyOf(std::uint64_t item) { return item; }
std::uint64_t keyOf(const Pair& item) { return item.key; }

// The pieces a pass over n items is split into: at most 256 (bounded histogram memory), each big
// enough that a thread's start-up cost is noise, small enough to look at the stop token often.
std::size_t chunkSize(std::size_t n) { return std::max<std::size_t>(std::size_t{1} << 18, (n + 255) / 256); }

// Stable LSD radix sort on bits [lowBit, keyBits) of keyOf(item); bits below lowBit (a packed row
// number) are payload and keep their current order among equal keys. Each pass counts digits per chunk
// and scatters each chunk into its own slots, in chunk order, so chunks run on separate threads and
// the sort stays stable. Passes where every item has the same digit are skipped.
// Returns where the sorted items are: `items` or `spare`, which it allocates uninitialised (no
// zeroing pass over memory the first scatter overwrites anyway).
template <typename Item>
const Item* radixSort(std::vector<Item>& items, std::unique_ptr<Item[]>& spare, int lowBit, int keyBits,
                      const jobs::JobContext& context, int threads) {
  const std::size_t n = items.size();
  if (n < kRadixMinimum) {
    std::stable_sort(items.begin(), items.end(),
                     [lowBit](const Item& a, const Item& b) { return keyOf(a) >> lowBit < keyOf(b) >> lowBit; });
    return items.data();
  }
  const std::size_t chunk = chunkSize(n);
  const std::size_t chunks = (n + chunk - 1) / chunk;
  spare.reset(new Item[n]);
  std::vector<std::size_t> counts(chunks * kBuckets);
  Item* from = items.data();
  Item* to = spare.get();
  for (int shift = lowBit; shift < keyBits; shift += kDigitBits) {
    auto digit = [shift](const Item& item) { return static_cast<std::size_t>((keyOf(item) >> shift) & (kBuckets - 1)); };
    std::fill(counts.begin(), counts.end(), 0);
    jobs::parallelFor(chunks, threads, [&](std::size_t c) {
      context.throwIfStopped();
      std::size_t* count = &counts[c * kBuckets];
      for (std::size_t i = c * chunk, end = std::min(n, i + chunk); i < end; ++i) ++count[digit(from[i])];
    });
    std::size_t first = 0;
    for (std::size_t c = 0; c < chunks; ++c) first += counts[c * kBuckets + digit(from[0])];
    if (first == n) continue;
    std::size_t start = 0;
    for (std::size_t d = 0; d < kBuckets; ++d)
      for (std::size_t c = 0; c < chunks; ++c) start += std::exchange(counts[c * kBuckets + d], start);
    jobs::parallelFor(chunks, threads, [&](std::size_t c) {
      context.throwIfStopped();
      std::size_t* next = &counts[c * kBuckets];
      for (std::size_t i = c * chunk, end = std::min(n, i + chunk); i < end; ++i) to[next[digit(from[i])]++] = from[i];
    });
    std::swap(from, to);
  }
  return from;
}

// Texts compare by their first 7 bytes, then by length while it is below 8, so equal keys with a
// low byte under 8 are equal texts; a low byte of 8 ("8 bytes or more") needs the whole text.
constexpr std::uint64_t kLongText = 8;
std::uint64_t textKey(std::string_view text) {
  std::uint64_t key = 0;
  for (std::size_t i = 0; i < 7; ++i) key = key << 8 | (i < text.size() ? static_cast<unsigned char>(text[i]) : 0U);
  return key << 8 | std::min<std::uint64_t>(text.size(), kLongText);
}

// Each level's rank in the sorted level texts; equal texts share a rank.
std::vector<std::uint64_t> levelRanks(const std::vector<std::string>& levels) {
  std::vector<std::uint32_t> byText(levels.size());
  std::iota(byText.begin(), byText.end(), 0U);
  std::stable_sort(byText.begin(), byText.end(), [&](std::uint32_t a, std::uint32_t b) { return levels[a] < levels[b]; });
  std::vector<std::uint64_t> ranks(levels.size());
  std::uint64_t rank = 0;
  for (std::size_t i = 0; i < byText.size(); ++i) {
    if (i > 0 && levels[byText[i]] != levels[byText[i - 1]]) ++rank;
    ranks[byText[i]] = rank;
  }
  return ranks;
}

// The keys of one column for the rows of `order`, in that order: an unsigned key whose order is the
// sort order (already flipped for descending), or missing.
struct ColumnKeys {
  std::vector<std::uint64_t> keys;
  std::vector<std::uint8_t> missing;
  std::uint64_t min = std::numeric_limits<std::uint64_t>::max();
  std::uint64_t max = 0;
};

ColumnKeys keysOf(const Column& column, bool descending, const std::vector<std::uint32_t>& order,
                  const jobs::JobContext& context, int threads) {
  const std::size_t n = order.size();
  ColumnKeys out;
  out.keys.resize(n);
  out.missing.resize(n);
  const std::size_t chunk = chunkSize(n);
  const std::size_t chunks = (n + chunk - 1) / chunk;
  std::vector<std::pair<std::uint64_t, std::uint64_t>> ranges(chunks, {out.min, out.max});
  // keyAt(row, key) returns false for a missing value; one loop per type keeps the switch out of it.
  auto fill = [&](auto keyAt) {
    jobs::parallelFor(chunks, threads, [&](std::size_t c) {
      context.throwIfStopped();
      auto& [lo, hi] = ranges[c];
      for (std::size_t i = c * chunk, end = std::min(n, i + chunk); i < end; ++i) {
        std::uint64_t key = 0;
        if (!column.isValid(order[i]) || !keyAt(order[i], key)) {
          out.missing[i] = 1;
          continue;
        }
        if (descending) key = ~key;
        out.keys[i] = key;
        lo = std::min(lo, key);
        hi = std::max(hi, key);
      }
    });
  };
  switch (column.type()) {
    case ColumnType::Float64: {
      const auto values = column.float64Values();
      fill([values](std::size_t row, std::uint64_t& key) {
        const double v = values[row];
        key = sortKeyOf(v == 0.0 ? 0.0 : v);  // -0 ties with 0
        return !std::isnan(v);                // NaN is missing, as in pandas
      });
      break;
    }
    case ColumnType::Int64:
    case ColumnType::Datetime: {
      const auto values = column.int64Values();
      fill([values](std::size_t row, std::uint64_t& key) { return key = sortKeyOf(values[row]), true; });
      break;
    }
    case ColumnType::Bool: {
      const auto values = column.boolValues();
      fill([values](std::size_t row, std::uint64_t& key) { return key = values[row] != 0, true; });
      break;
    }
    case ColumnType::Categorical: {
      const auto codes = column.codes();
      const std::vector<std::uint64_t> ranks = levelRanks(column.levels());
      fill([codes, &ranks](std::size_t row, std::uint64_t& key) {
        const std::int32_t code = codes[row];
        if (code < 0 || static_cast<std::size_t>(code) >= ranks.size()) return false;
        key = ranks[static_cast<std::size_t>(code)];
        return true;
      });
      break;
    }
    case ColumnType::Text:
      fill([&column](std::size_t row, std::uint64_t& key) { return key = textKey(column.textAt(row)), true; });
      break;
  }
  for (const auto& [lo, hi] : ranges) {
    out.min = std::min(out.min, lo);
    out.max = std::max(out.max, hi);
  }
  return out;
}

// Sorts runs of equal text keys that need the whole text, keeping their order on ties.
void sortLongTextTies(std::vector<Pair>& items, std::uint64_t keyBase, bool descending, const Column& column,
                      const jobs::JobContext& context) {
  std::size_t sortedSinceLook = 0;
  for (std::size_t begin = 0; begin < items.size();) {
    std::size_t end = begin + 1;
    while (end < items.size() && items[end].key == items[begin].key) ++end;
    const std::uint64_t key = items[begin].key + keyBase;
    if (end - begin > 1 && ((descending ? ~key : key) & 0xFF) == kLongText) {
      if ((sortedSinceLook += end - begin) > (std::size_t{1} << 16)) {
        context.throwIfStopped();
        sortedSinceLook = 0;
      }
      std::stable_sort(items.begin() + static_cast<std::ptrdiff_t>(begin), items.begin() + static_cast<std::ptrdiff_t>(end),
                       [&](const Pair& a, const Pair& b) {
                         const std::string_view x = column.textAt(a.row);
                         const std::string_view y = column.textAt(b.row);
                         return descending ? y < x : x < y;
                       });
    }
    begin = end;
  }
}

// Reorders `order` stably by one key, missing values last.
std::vector<std::uint32_t> sortBy(const Column& column, bool descending, const std::vector<std::uint32_t>& order,
                                  const jobs::JobContext& context, int threads) {
  const std::size_t n = order.size();
  if (n == 0) return {};
  ColumnKeys k = keysOf(column, descending, order, context, threads);
  std::vector<std::uint32_t> sorted;
  sorted.reserve(n);
  // Missing rows go last in their current order, whatever the direction.
  std::vector<std::uint32_t> missingRows;
  for (std::size_t i = 0; i < n; ++i)
    if (k.missing[i]) missingRows.push_back(order[i]);
  const std::size_t valid = n - missingRows.size();
  const int rangeBits = valid == 0 ? 0 : static_cast<int>(std::bit_width(k.max - k.min));
  const int rowBits = std::max(1, static_cast<int>(std::bit_width(n - 1)));
  context.throwIfStopped();
  if (column.type() != ColumnType::Text && rangeBits + rowBits <= 64) {
    // Key and row packed into one uint64: fewer bytes to move, and the row comes out without a
    // random read of `order`. Packed in place over the keys: no second n-sized buffer.
    std::vector<std::uint64_t>& items = k.keys;
    std::size_t j = 0;
    for (std::size_t i = 0; i < n; ++i)
      if (!k.missing[i]) items[j++] = (items[i] - k.min) << rowBits | order[i];
    items.resize(j);
    std::vector<std::uint8_t>().swap(k.missing);
    std::unique_ptr<std::uint64_t[]> spare;
    const std::uint64_t* result = radixSort(items, spare, rowBits, rangeBits + rowBits, context, threads);
    const std::uint64_t mask = (std::uint64_t{1} << rowBits) - 1;
    for (std::size_t i = 0; i < j; ++i) sorted.push_back(static_cast<std::uint32_t>(result[i] & mask));
  } else {
    std::vector<Pair> items;
    items.reserve(valid);
    for (std::size_t i = 0; i < n; ++i)
      if (!k.missing[i]) items.push_back({k.keys[i] - k.min, order[i]});
    std::vector<std::uint8_t>().swap(k.missing);
    std::vector<std::uint64_t>().swap(k.keys);
    std::unique_ptr<Pair[]> spare;
    const Pair* result = radixSort(items, spare, 0, rangeBits, context, threads);
    if (column.type() == ColumnType::Text) {
      if (result != items.data()) std::copy(result, result + items.size(), items.begin());
      spare.reset();
      sortLongTextTies(items, k.min, descending, column, context);
      result = items.data();
    }
    for (std::size_t i = 0; i < items.size(); ++i) sorted.push_back(result[i].row);
  }
  sorted.insert(sorted.end(), missingRows.begin(), missingRows.end());
  return sorted;
}

}  // namespace

std::vector<std::uint32_t> TableSort::rowOrder(const Table& table, std::span<const SortKey> keys,
                                               const jobs::JobContext& context, int threads) {
  const std::size_t n = table.rowCount();
  if (n > std::numeric_limits<std::uint32_t>::max())
    throw Error(ErrorCode::Unsupported, "cannot sort more than 4294967295 rows", {}, std::to_string(n));
  for (const SortKey& key : keys)
    if (key.column >= table.columnCount())
      throw Error(ErrorCode::InvalidArgument, "no column " + std::to_string(key.column) + " to sort by (the table has " +
                                                  std::to_string(table.columnCount()) + ")");
  std::vector<std::uint32_t> order(n);
  std::iota(order.begin(), order.end(), 0U);
  // Least significant key first: each stable pass keeps the order of the later keys among its ties.
  for (std::size_t k = keys.size(); k-- > 0;) {
    context.progress(static_cast<double>(keys.size() - 1 - k) / static_cast<double>(keys.size()),
                     "Sorting by " + table.column(keys[k].column).name());
    order = sortBy(table.column(keys[k].column), keys[k].descending, order, context, threads);
  }
  context.progress(1.0, "Sorted");
  return order;
}

}  // namespace lathe::data
