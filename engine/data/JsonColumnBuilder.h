#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "engine/data/Column.h"
#include "engine/data/ImportResult.h"

namespace lathe::data {

// One JSON column while parsing: the kind and the text of every cell, in one buffer (no per-cell
// objects). The type is decided once every value is known, by build().
class JsonColumnBuilder {
 public:
  enum class Kind : std::uint8_t { Missing, Int, Float, Bool, String, Nested };

  JsonColumnBuilder() = default;
  explicit JsonColumnBuilder(std::string name) : name_(std::move(name)) {}

  const std::string& name() const { return name_; }

  // Returns true when the row already had a value (a repeated key): the later one wins, as in
  // nlohmann's own DOM and in JavaScript. Inline: it runs once per cell.
  bool set(std::size_t row, Kind kind, std::string_view text) {
    const bool repeated = kinds_.size() == row + 1;
    if (repeated) {
      kinds_.pop_back();
      offsets_.pop_back();
      bytes_.resize(offsets_.back());
    }
    padTo(row);
    kinds_.push_back(kind);
    bytes_.append(text);
    offsets_.push_back(bytes_.size());
    return repeated;
  }

  // The column of `rows` rows (rows past the last value are missing). Only integer literals make
  // int64, any other number float64, true/false bool; strings, and values of mixed kinds, are
  // typed from their text (with a warning for mixed kinds); nested values stay their JSON text.
  std::shared_ptr<const Column> build(std::size_t rows, const std::string& source, std::vector<ImportWarning>& warnings);

 private:
  void padTo(std::size_t rows) {
    if (kinds_.size() >= rows) return;
    kinds_.resize(rows, Kind::Missing);
    offsets_.resize(rows + 1, bytes_.size());
  }
  std::string_view textAt(std::size_t row) const {
    return std::string_view(bytes_).substr(offsets_[row], offsets_[row + 1] - offsets_[row]);
  }

  std::string name_;
  std::vector<Kind> kinds_;
  std::vector<std::uint64_t> offsets_{0};
  std::string bytes_;
};

}  // namespace lathe::data
