#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "engine/data/CsvTypeScan.h"

namespace lathe::data {

// What one chunk of a CSV import holds for one column: the values parsed as the type they all
// fit so far (speculatively: the column's final type is only known once every chunk is read),
// whether each row is missing, and the evidence for the other types. Strings are kept as codes
// into the chunk's own dictionary while they repeat, and as plain text once they do not.
struct CsvColumnSegment {
  enum class Kind : std::uint8_t { Empty, Bool, Int, Float, Date, String };

  Kind kind = Kind::Empty;
  DateOrder order = DateOrder::MonthFirst;  // how Date values were parsed
  CsvTypeScan evidence;                     // which types every present value fits
  std::size_t rows = 0;
  std::uint64_t missingRows = 0;
  std::uint64_t blankRows = 0;              // blank values kept as missing while the column looked typed
  std::vector<std::uint8_t> missing;        // per row; empty while no row is missing
  std::vector<std::int64_t> ints;           // Bool (0/1), Int, Date (microseconds)
  std::vector<double> floats;               // Float
  // String values: codes into levels while they repeat, text once asText.
  std::vector<std::string> levels;
  std::vector<std::int32_t> codes;
  bool asText = false;
  std::string bytes;
  std::vector<std::uint64_t> ends;          // per row, into bytes

  void markMissing(std::size_t row) {
    if (missing.empty()) missing.assign(row + 1, 0);
    else if (missing.size() <= row) missing.resize(row + 1, 0);
    missing[row] = 1;
    ++missingRows;
  }
  bool isMissing(std::size_t row) const { return row < missing.size() && missing[row]; }
};

// Builds the string values of a segment: codes and a dictionary of views into the chunk's text
// while the values repeat, switching to plain text past `maxLevels` distinct values.
class CsvStringBuilder {
 public:
  CsvStringBuilder(CsvColumnSegment& segment, std::size_t maxLevels) : segment_(&segment), maxLevels_(maxLevels) {}
  // The segment moved (its vector grew).
  void rebind(CsvColumnSegment& segment) { segment_ = &segment; }

  void add(std::string_view value) {
    if (segment_->asText) {
      segment_->bytes.append(value);
      segment_->ends.push_back(segment_->bytes.size());
      return;
    }
    auto [it, added] = index_.try_emplace(value, static_cast<std::int32_t>(views_.size()));
    if (added) {
      views_.push_back(value);
      if (views_.size() > maxLevels_) {
        switchToText();
        add(value);
        return;
      }
    }
    segment_->codes.push_back(it->second);
  }
  void addMissing() {
    if (segment_->asText) segment_->ends.push_back(segment_->bytes.size());
    else segment_->codes.push_back(-1);
  }
  // Copies the dictionary out of the chunk's text, which the segment outlives.
  void finish() {
    if (segment_->asText) return;
    segment_->levels.assign(views_.begin(), views_.end());
  }

 private:
  void switchToText() {
    segment_->asText = true;
    segment_->ends.reserve(segment_->codes.size());
    for (std::int32_t code : segment_->codes) {
      if (code >= 0) segment_->bytes.append(views_[static_cast<std::size_t>(code)]);
      segment_->ends.push_back(segment_->bytes.size());
    }
    std::vector<std::int32_t>().swap(segment_->codes);
    index_.clear();
    views_.clear();
  }

  CsvColumnSegment* segment_;
  std::size_t maxLevels_;
  std::unordered_map<std::string_view, std::int32_t> index_;
  std::vector<std::string_view> views_;
};

}  // namespace lathe::data
