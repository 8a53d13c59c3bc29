#pragma once
#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "engine/data/ColumnType.h"
#include "engine/data/Validity.h"

namespace lathe::data {

// One typed, immutable column. Values live in one contiguous buffer per column (no per-cell heap
// objects): doubles, int64s, bytes for bools, int32 codes plus a level list for categoricals,
// offsets plus one byte buffer for text, and int64 microseconds since 1970-01-01T00:00:00 UTC
// for datetimes. Missing values are marked in the validity bitmap; the value slot underneath
// holds a neutral value (0, NaN for float64, empty text).
class Column {
 public:
  struct CategoricalData {
    std::vector<std::int32_t> codes;  // index into levels; -1 where missing
    std::vector<std::string> levels;
  };
  struct TextData {
    std::vector<std::uint64_t> offsets;  // size rows + 1; row i is bytes[offsets[i], offsets[i+1])
    std::string bytes;
  };

  static std::shared_ptr<const Column> float64(std::string name, std::vector<double> values, Validity validity = {});
  static std::shared_ptr<const Column> int64(std::string name, std::vector<std::int64_t> values, Validity validity = {});
  static std::shared_ptr<const Column> boolean(std::string name, std::vector<std::uint8_t> values, Validity validity = {});
  static std::shared_ptr<const Column> categorical(std::string name, std::vector<std::int32_t> codes,
                                                   std::vector<std::string> levels, Validity validity = {});
  static std::shared_ptr<const Column> text(std::string name, std::vector<std::uint64_t> offsets, std::string bytes,
                                            Validity validity = {});
  static std::shared_ptr<const Column> datetime(std::string name, std::vector<std::int64_t> microsSinceEpoch,
                                                Validity validity = {});

  const std::string& name() const noexcept { return name_; }
  ColumnType type() const noexcept { return type_; }
  std::size_t size() const noexcept { return size_; }
  bool isValid(std::size_t row) const { return validity_.isValid(row); }
  std::size_t missingCount() const noexcept { return validity_.missingCount(); }
  const Validity& validity() const noexcept { return validity_; }

  // Typed views; each throws lathe::Error(Internal) on a column of another type.
  std::span<const double> float64Values() const;
  std::span<const std::int64_t> int64Values() const;   // int64 and datetime columns
  std::span<const std::uint8_t> boolValues() const;
  std::span<const std::int32_t> codes() const;
  const std::vector<std::string>& levels() const;
  std::string_view textAt(std::size_t row) const;

  // The value as text, the way the table shows it and CSV export writes it; "" when missing.
  std::string displayText(std::size_t row) const;
  // The value as a double for numeric work: float64, int64, bool, datetime (microseconds);
  // NaN when missing or not numeric.
  double numericAt(std::size_t row) const;
  bool isNumeric() const noexcept {
    return type_ == ColumnType::Float64 || type_ == ColumnType::Int64 || type_ == ColumnType::Bool;
  }

  // Bytes held by this column's buffers (values, levels, text, bitmap).
  std::size_t memoryBytes() const;
  // The same values under another name, sharing nothing mutable (a copy of the buffers).
  std::shared_ptr<const Column> renamed(std::string name) const;

  using Storage = std::variant<std::vector<double>, std::vector<std::int64_t>, std::vector<std::uint8_t>,
                               CategoricalData, TextData>;
  Column(std::string name, ColumnType type, std::size_t size, Storage storage, Validity validity);

 private:
  std::string name_;
  ColumnType type_;
  std::size_t size_;
  Storage storage_;
  Validity validity_;
};

// "2024-03-01T12:30:00" style ISO 8601 (UTC), dropping a zero time and zero fraction:
// "2024-03-01" for midnight.
std::string formatDatetime(std::int64_t microsSinceEpoch);

}  // namespace lathe::data
