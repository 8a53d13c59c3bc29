#pragma once
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "engine/data/Column.h"
#include "engine/jobs/JobContext.h"

namespace lathe::expr {

// What a formula value is while it is evaluated. Null is the type of the literal `missing`
// alone; it takes the other operand's type wherever it meets one.
enum class ValueKind : std::uint8_t { Null, Int, Float, Bool, Text, Categorical, Datetime };

const char* valueKindName(ValueKind kind);  // "int64", "text", ... as the user sees column types
data::ColumnType columnTypeOf(ValueKind kind);
ValueKind valueKindOf(data::ColumnType type);
inline bool isNumber(ValueKind kind) { return kind == ValueKind::Int || kind == ValueKind::Float; }
inline bool isTextual(ValueKind kind) { return kind == ValueKind::Text || kind == ValueKind::Categorical; }

// One evaluated node: a whole column's worth of values in one buffer of its kind (no per-cell
// objects), or a single value that stands for every row (`scalar`, from literals), plus one
// validity byte per stored value (empty = all valid).
struct FormulaValues {
  ValueKind kind = ValueKind::Null;
  bool scalar = true;
  std::size_t slots = 1;                 // stored values: 1 when scalar, else the table's rows
  std::vector<double> floats;            // Float
  std::vector<std::int64_t> ints;        // Int; Datetime as microseconds since 1970 (UTC)
  std::vector<std::uint8_t> bools;       // Bool
  std::vector<std::uint64_t> offsets;    // Text: slots + 1 offsets into `bytes`
  std::string bytes;
  std::vector<std::int32_t> codes;       // Categorical: index into *levels, -1 when missing
  const std::vector<std::string>* levels = nullptr;  // borrowed from the table's column
  std::vector<std::uint8_t> valid;       // 1 = present; empty = every value present

  bool isValid(std::size_t slot) const { return valid.empty() || valid[slot] != 0; }
  std::string_view textAt(std::size_t slot) const {
    return std::string_view(bytes).substr(offsets[slot], offsets[slot + 1] - offsets[slot]);
  }
  // The text of a Text or Categorical slot.
  std::string_view textualAt(std::size_t slot) const {
    if (kind == ValueKind::Categorical) return codes[slot] < 0 ? std::string_view() : (*levels)[codes[slot]];
    return textAt(slot);
  }

  static FormulaValues missing(ValueKind kind);  // a scalar missing value of `kind`
  static FormulaValues fromColumn(const data::Column& column);
  // Every row as a Column (scalars repeated); neutral values under missing ones.
  std::shared_ptr<const data::Column> toColumn(const std::string& name, std::size_t rows) const;
};

// Runs a loop over `count` values in chunks of 64k, checking the stop token between chunks, so a
// 3-million-row evaluation honours Cancel within milliseconds.
class RowLoop {
 public:
  static constexpr std::size_t kChunk = 65536;
  explicit RowLoop(const jobs::JobContext* context) : context_(context) {}
  template <typename Body>
  void run(std::size_t count, Body&& body) const {
    for (std::size_t start = 0; start < count; start += kChunk) {
      if (context_) context_->throwIfStopped();
      const std::size_t end = std::min(count, start + kChunk);
      for (std::size_t i = start; i < end; ++i) body(i);
    }
  }

 private:
  const jobs::JobContext* context_;
};

// Builders for results: the shape (scalar when every input is) and validity from the inputs.
struct ResultShape {
  bool scalar;
  std::size_t slots;
};
ResultShape shapeOf(std::size_t rows, std::initializer_list<const FormulaValues*> inputs);
// valid[i] = every input valid at i (inputs broadcast); always materialized.
std::vector<std::uint8_t> combinedValidity(const ResultShape& shape, std::initializer_list<const FormulaValues*> inputs,
                                           const RowLoop& loop);
inline std::size_t strideOf(const FormulaValues& values) { return values.scalar ? 0 : 1; }

// Conversions the operators share: numbers to float, anything to text (as to_text shows it).
FormulaValues toFloat(const FormulaValues& values, const RowLoop& loop);
FormulaValues toText(const FormulaValues& values, const RowLoop& loop);
// Float results: inf and NaN become missing, so they never reach a column.
void dropNonFinite(FormulaValues& values);

}  // namespace lathe::expr
