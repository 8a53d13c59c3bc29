#pragma once
#include <cstddef>
#include <cstdint>
#include <vector>

namespace lathe::data {

// Which values of a column are present: one bit per row, set = valid. A column with no missing
// value keeps no bitmap at all (empty words), so the common case costs nothing.
class Validity {
 public:
  Validity() = default;

  // Marks `row` missing in a column of `size` rows; allocates the bitmap on first use.
  void setMissing(std::size_t row, std::size_t size) {
    if (words_.empty()) words_.assign((size + 63) / 64, ~std::uint64_t{0});
    std::uint64_t& word = words_[row / 64];
    const std::uint64_t bit = std::uint64_t{1} << (row % 64);
    if (word & bit) {
      word &= ~bit;
      ++missing_;
    }
  }
  // From one byte per row (non-zero = missing), the form parallel readers fill without sharing
  // bitmap words between threads.
  static Validity fromMissingFlags(const std::uint8_t* missing, std::size_t size) {
    Validity v;
    for (std::size_t row = 0; row < size; ++row)
      if (missing[row]) v.setMissing(row, size);
    return v;
  }
  bool isValid(std::size_t row) const {
    return words_.empty() || (words_[row / 64] >> (row % 64) & 1U) != 0;
  }
  std::size_t missingCount() const { return missing_; }
  bool hasMissing() const { return missing_ != 0; }
  std::size_t memoryBytes() const { return words_.size() * sizeof(std::uint64_t); }

 private:
  std::vector<std::uint64_t> words_;
  std::size_t missing_ = 0;
};

}  // namespace lathe::data
