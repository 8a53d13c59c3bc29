#pragma once
#include <bit>
#include <cstdint>
#include <vector>

#include "engine/jobs/JobContext.h"

namespace lathe::data {

// Sort keys: unsigned integers whose order is the values' order, so doubles and int64s share one
// radix sort and numeric profiles sort a plain vector<uint64_t>. NaN has no place in the order;
// callers leave it out.
inline constexpr std::uint64_t kSortKeySignBit = std::uint64_t{1} << 63;

constexpr std::uint64_t sortKeyOf(double value) {
  const auto bits = std::bit_cast<std::uint64_t>(value);
  return (bits & kSortKeySignBit) ? ~bits : bits | kSortKeySignBit;
}
constexpr double doubleFromSortKey(std::uint64_t key) {
  return std::bit_cast<double>((key & kSortKeySignBit) ? key & ~kSortKeySignBit : ~key);
}
constexpr std::uint64_t sortKeyOf(std::int64_t value) { return static_cast<std::uint64_t>(value) ^ kSortKeySignBit; }
constexpr std::int64_t int64FromSortKey(std::uint64_t key) { return static_cast<std::int64_t>(key ^ kSortKeySignBit); }

// Sorts keys ascending: an LSD radix sort for large inputs (about twice as fast as std::sort on
// millions of values), std::sort for small ones. Honours the context's stop token.
void sortKeys(std::vector<std::uint64_t>& keys, const jobs::JobContext& context);

}  // namespace lathe::data
