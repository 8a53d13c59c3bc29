#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "engine/data/Column.h"

namespace lathe::explore {

// Reads a categorical or bool column as level codes, -1 where a value is missing (or a code is
// out of range, which a well-formed column never holds). A bool column has the levels "false"
// and "true". Another column type reads as all missing.
class LevelReader {
 public:
  explicit LevelReader(const data::Column& column) : validity_(&column.validity()) {
    if (column.type() == data::ColumnType::Categorical) {
      codes_ = column.codes().data();
      names_ = &column.levels();
    } else if (column.type() == data::ColumnType::Bool) {
      bools_ = column.boolValues().data();
      names_ = &boolNames();
    } else {
      names_ = &noNames();
    }
  }

  std::size_t levelCount() const noexcept { return names_->size(); }
  const std::vector<std::string>& names() const noexcept { return *names_; }

  std::int32_t code(std::size_t row) const {
    if (!validity_->isValid(row)) return -1;
    if (bools_) return bools_[row] != 0 ? 1 : 0;
    if (!codes_) return -1;
    const std::int32_t c = codes_[row];
    return c >= 0 && static_cast<std::size_t>(c) < names_->size() ? c : -1;
  }

 private:
  static const std::vector<std::string>& boolNames() {
    static const std::vector<std::string> names{"false", "true"};
    return names;
  }
  static const std::vector<std::string>& noNames() {
    static const std::vector<std::string> names;
    return names;
  }

  const data::Validity* validity_;
  const std::int32_t* codes_ = nullptr;
  const std::uint8_t* bools_ = nullptr;
  const std::vector<std::string>* names_ = nullptr;
};

}  // namespace lathe::explore
