#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "engine/core/TextHash.h"
#include "engine/data/Column.h"
#include "engine/data/ColumnType.h"

namespace lathe::serve {

// One column of a predict request, built cell by cell in the type the model's input schema
// gives it, from JSON values (typed: a number, a string, a boolean, null) or CSV fields (text,
// parsed here). Rows are added first, each starting missing, then filled; a cell that does not
// fit the type throws RequestError(400) naming the row (0-based) and the column, so the client
// learns exactly which value to fix. Non-finite numbers ("NaN", "inf", 1e400) are refused for
// numeric columns: a model cannot score them, and silently treating them as missing would
// change the client's data.
class RequestColumn {
 public:
  RequestColumn(std::string name, data::ColumnType type);

  const std::string& name() const noexcept { return name_; }
  data::ColumnType type() const noexcept { return type_; }

  // Appends a row whose cell is missing until one of the setters below fills it.
  void addRow();

  // JSON values, for row `row` (the last added).
  void setBool(std::size_t row, bool value);
  void setInteger(std::size_t row, std::int64_t value);
  void setUnsigned(std::size_t row, std::uint64_t value);
  // `literal` is the number as the client wrote it, for messages and for text columns.
  void setDouble(std::size_t row, double value, std::string_view literal);
  void setString(std::size_t row, std::string_view value);
  // A CSV field: parsed as the column's type.
  void setText(std::size_t row, std::string_view text);

  std::shared_ptr<const data::Column> finish();

 private:
  [[noreturn]] void fail(std::size_t row, const std::string& why) const;
  void setFinite(std::size_t row, double value, std::string_view literal);
  void setLabel(std::size_t row, std::string_view text);
  std::int32_t levelCode(std::string_view text);  // adds the level if it is new
  void markPresent(std::size_t row) { missing_[row] = 0; }

  std::string name_;
  data::ColumnType type_;
  std::vector<std::uint8_t> missing_;  // one flag per row, non-zero = missing
  std::vector<double> floats_;
  std::vector<std::int64_t> ints_;  // int64 and datetime (microseconds)
  std::vector<std::uint8_t> bools_;
  std::vector<std::int32_t> codes_;
  std::vector<std::string> levels_;
  TextMap<std::int32_t> levelIndex_;  // filled once there are many levels
  std::vector<std::string> texts_;
};

}  // namespace lathe::serve
