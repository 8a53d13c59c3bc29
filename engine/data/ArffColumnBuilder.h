#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "engine/core/TextHash.h"
#include "engine/data/ArffHeader.h"
#include "engine/data/Column.h"
#include "engine/data/ImportResult.h"

namespace lathe::data {

// Collects one attribute's values row by row straight into a typed buffer (no per-cell strings)
// and builds its Column: numeric -> float64, integer -> int64 while every value is integral,
// nominal -> categorical with the declared levels first, string -> text, date -> datetime.
class ArffColumnBuilder {
 public:
  enum class Added : std::uint8_t {
    Ok,
    NotANumber,     // numeric or integer attribute, value is not a number
    NotADate,       // date attribute, value does not match the pattern
    FirstUndeclared,  // nominal value outside the declared set, the first such in this column
  };

  explicit ArffColumnBuilder(const ArffAttribute& attribute);

  // A present value (quotes already removed).
  Added add(std::string_view value);
  // An unquoted '?'.
  void addMissing();
  // A value a sparse row leaves out: 0, the first declared level, an empty text, or the epoch.
  void addAbsent();

  // Where the first undeclared nominal value was, for the warning.
  void setFirstUndeclaredAt(ErrorLocation where) { firstUndeclaredAt_ = std::move(where); }

  // The column; appends a warning when undeclared nominal values were kept as extra levels.
  std::shared_ptr<const Column> finish(std::vector<ImportWarning>& warnings);

  const ArffAttribute& attribute() const noexcept { return attribute_; }
  std::size_t rows() const noexcept { return rows_; }

 private:
  void switchToFloat();

  const ArffAttribute& attribute_;
  std::size_t rows_ = 0;
  std::vector<std::size_t> missingRows_;
  std::vector<double> doubles_;       // numeric, and integer once a value is not integral
  std::vector<std::int64_t> ints_;    // integer while integral; date
  bool integral_ = false;
  std::vector<std::int32_t> codes_;   // nominal
  std::vector<std::string> levels_;
  TextMap<std::int32_t> levelIndex_;  // found from a string_view without building a string
  std::size_t undeclaredCount_ = 0;
  std::string firstUndeclared_;
  ErrorLocation firstUndeclaredAt_;
  std::vector<std::uint64_t> offsets_{0};  // string
  std::string bytes_;
};

}  // namespace lathe::data
