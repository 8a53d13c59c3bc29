#pragma once
#include <cstdint>
#include <map>
#include <span>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "engine/data/Column.h"

namespace lathe::wrangle {

// The categories of one column as text, for the encoders: which ones the valid rows hold, and
// each row's position in a fitted list. A categorical column is read through its level list
// (one lookup per level, not per row); other types through their display text.
class CategoryLevels {
 public:
  enum class Order { Appearance, Sorted };

  // The distinct valid values of `column`, in order of first appearance or sorted (numbers by
  // value, text by bytes, which is code point order for UTF-8).
  static std::vector<std::string> distinct(const data::Column& column, Order order);
  // For each row, the index of its value in `levels`; -1 where missing, -2 where not in `levels`.
  static std::vector<std::int32_t> positions(const data::Column& column, const std::vector<std::string>& levels);
  // The first row holding a value that is not in `levels`, or -1.
  static std::int64_t firstUnseenRow(std::span<const std::int32_t> positions);

  // The fitted level list of each column, as an encoder saves it: {} before fitting, else
  // {"levels": {"<column>": ["level", ...]}}. fromState() throws lathe::Error(Parse) naming `step`.
  using PerColumn = std::map<std::string, std::vector<std::string>>;
  static nlohmann::json toState(const PerColumn& levels);
  static PerColumn fromState(const nlohmann::json& state, const std::string& step);
};

}  // namespace lathe::wrangle
