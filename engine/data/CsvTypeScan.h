#pragma once
#include <cstdint>
#include <optional>
#include <string_view>

#include "engine/data/ColumnType.h"
#include "engine/data/ValueParsing.h"

namespace lathe::data {

// Which types every value of a column seen so far fits: the first CSV pass keeps one per column
// per chunk, merges them, and the column takes the first type still possible.
struct CsvTypeScan {
  bool canBool = true;
  bool canInt = true;
  bool canFloat = true;
  bool canDateMonthFirst = true;
  bool canDateDayFirst = true;
  std::uint64_t present = 0;  // values that are neither missing nor blank

  bool typedPossible() const { return canBool || canInt || canFloat || canDateMonthFirst || canDateDayFirst; }

  void add(std::string_view value, char decimal) {
    ++present;
    bool b;
    std::int64_t i;
    double d;
    if (canBool) canBool = parseBool(value, b);
    bool isInt = false;
    if (canInt) canInt = isInt = parseInt64(value, i);
    if (canFloat && !isInt) canFloat = parseFloat64(value, d, decimal);
    if (canDateMonthFirst) canDateMonthFirst = !isInt && parseDatetime(value, i, DateOrder::MonthFirst);
    if (canDateDayFirst) canDateDayFirst = !isInt && parseDatetime(value, i, DateOrder::DayFirst);
  }

  void merge(const CsvTypeScan& other) {
    canBool &= other.canBool;
    canInt &= other.canInt;
    canFloat &= other.canFloat;
    canDateMonthFirst &= other.canDateMonthFirst;
    canDateDayFirst &= other.canDateDayFirst;
    present += other.present;
  }

  // The typed column this fits, or nullopt for a string column (categorical or text).
  std::optional<ColumnType> typed() const {
    if (present == 0) return ColumnType::Float64;  // no value at all: NaN, as pandas reads it
    if (canBool) return ColumnType::Bool;
    if (canInt) return ColumnType::Int64;
    if (canFloat) return ColumnType::Float64;
    if (canDateMonthFirst || canDateDayFirst) return ColumnType::Datetime;
    return std::nullopt;
  }
  DateOrder dateOrder() const { return canDateMonthFirst ? DateOrder::MonthFirst : DateOrder::DayFirst; }
};

}  // namespace lathe::data
