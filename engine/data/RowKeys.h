#pragma once
#include <bit>
#include <cstddef>
#include <cstdint>
#include <span>

#include "engine/data/Column.h"
#include "engine/data/Table.h"

namespace lathe::data {

// Row keys: hashes and equality for finding rows equal to each other (duplicate rows), as
// pandas' duplicated() compares them: missing equals missing, NaN equals NaN (whatever its bits)
// and -0 equals 0. Equal cells hash alike; equal hashes still need cellsEqual to be sure.

// splitmix64's finaliser: a bijection, so equal mixes mean equal inputs.
constexpr std::uint64_t mixBits(std::uint64_t x) {
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9ULL;
  x ^= x >> 27;
  x *= 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}

// The bits of a double as row equality sees them: -0 as 0, every NaN as the same NaN.
constexpr std::uint64_t doubleKey(double value) {
  if (value != value) return 0x7ff8000000000000ULL;  // NaN
  return value == 0.0 ? 0 : std::bit_cast<std::uint64_t>(value);
}

// The key of a missing cell in a row hash.
inline constexpr std::uint64_t kMissingCellKey = 0x9e3779b97f4a7c15ULL;

// Folds one cell's key into the hash of its row; columns are folded in table order from 0.
constexpr std::uint64_t foldIntoRowHash(std::uint64_t rowHash, std::uint64_t cellKey) {
  return mixBits(rowHash * 31 + cellKey);
}

// A hash of the cell at `row` (kMissingCellKey when missing).
std::uint64_t cellHash(const Column& column, std::size_t row);

// Whether the cells at rows `a` and `b` of `column` are equal.
bool cellsEqual(const Column& column, std::size_t a, std::size_t b);

// Whether rows `a` and `b` are equal in every column of `table` listed in `columns`.
bool rowsEqual(const Table& table, std::span<const std::size_t> columns, std::size_t a, std::size_t b);

}  // namespace lathe::data
