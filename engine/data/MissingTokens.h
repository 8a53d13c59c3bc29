#pragma once
#include <algorithm>
#include <array>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace lathe::data {

// A fast membership test for missing-value tokens, asked once per cell: most cells are rejected
// by their first byte and length together without a string comparison (a "-12" in a numeric
// column no longer walks every token because "-" is one).
class MissingTokens {
 public:
  explicit MissingTokens(std::span<const std::string> tokens) : tokens_(tokens.begin(), tokens.end()) {
    for (const auto& t : tokens_)
      if (!t.empty()) lengths_[static_cast<unsigned char>(t.front())] |= lengthBit(t.size());
  }
  bool matches(std::string_view value) const {
    if (value.empty() || !(lengths_[static_cast<unsigned char>(value.front())] & lengthBit(value.size()))) return false;
    for (const auto& t : tokens_)
      if (t == value) return true;
    return false;
  }

 private:
  // One bit per length below 63; bit 63 stands for every longer length.
  static std::uint64_t lengthBit(std::size_t length) { return std::uint64_t{1} << std::min<std::size_t>(length, 63); }

  std::vector<std::string> tokens_;
  std::array<std::uint64_t, 256> lengths_{};  // by first byte: the lengths of the tokens starting with it
};

}  // namespace lathe::data
