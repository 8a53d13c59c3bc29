#pragma once
#include <algorithm>
#include <bitset>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace lathe::data {

// A fast membership test for missing-value tokens, asked once per cell: most cells are rejected
// by their length or first byte without a string comparison.
class MissingTokens {
 public:
  explicit MissingTokens(std::span<const std::string> tokens) : tokens_(tokens.begin(), tokens.end()) {
    for (const auto& t : tokens_) {
      if (t.empty()) continue;
      first_.set(static_cast<unsigned char>(t.front()));
      maxLength_ = std::max(maxLength_, t.size());
    }
  }
  bool matches(std::string_view value) const {
    if (value.empty() || value.size() > maxLength_ || !first_.test(static_cast<unsigned char>(value.front())))
      return false;
    for (const auto& t : tokens_)
      if (t == value) return true;
    return false;
  }

 private:
  std::vector<std::string> tokens_;
  std::bitset<256> first_;
  std::size_t maxLength_ = 0;
};

}  // namespace lathe::data
