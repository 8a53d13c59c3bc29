#pragma once
#include <cstddef>
#include <cstdint>
#include <random>
#include <vector>

#include "engine/data/Column.h"

namespace lathe::wrangle {

// The random draws behind sampling and splitting. std::mt19937_64 is specified exactly by the
// standard, but std::uniform_int_distribution and std::shuffle are not, so these draw from the
// raw engine themselves: the same seed gives the same rows on every compiler and platform.
class RowSampling {
 public:
  explicit RowSampling(std::uint64_t seed) : engine_(seed) {}

  // A uniform integer in [0, bound) (bound > 0).
  std::size_t below(std::size_t bound);
  // `count` of `rows` (count <= rows.size()), chosen uniformly, in their original order.
  std::vector<std::size_t> choose(const std::vector<std::size_t>& rows, std::size_t count);
  void shuffle(std::vector<std::size_t>& rows);

  // Splits `total` into parts proportional to `weights` that sum to `total` exactly (largest
  // remainder: the parts rounded down, then one more to the largest fractional parts, ties to
  // the earlier part).
  static std::vector<std::size_t> apportion(const std::vector<double>& weights, std::size_t total);
  // The rows of each distinct value of `column` in order of first appearance (missing rows are
  // one more group, last), each list in row order.
  static std::vector<std::vector<std::size_t>> groupRows(const data::Column& column);

 private:
  std::mt19937_64 engine_;
};

}  // namespace lathe::wrangle
