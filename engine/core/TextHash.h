#pragma once
#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>

namespace lathe {

// A hash for std::string keys that also takes a std::string_view, so that a map keyed by text
// is searched with a view (a parser's token, a slice of a buffer) without building a string.
struct TextHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view text) const noexcept { return std::hash<std::string_view>{}(text); }
};

// An unordered_map keyed by text that find() searches with a std::string_view.
template <class Value>
using TextMap = std::unordered_map<std::string, Value, TextHash, std::equal_to<>>;

}  // namespace lathe
