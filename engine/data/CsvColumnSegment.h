#pragma once
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <algorithm>
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
// The dictionary of a chunk's distinct strings: open addressing over (hash, code), values
// compared through the caller's views. Category values are short and few, so this stays in cache
// where std::unordered_map would chase a node per lookup. Values of up to 8 bytes (airport codes,
// states, labels) have their own table keyed by the bytes themselves packed into one integer: no
// byte loop to hash, no memcmp to compare.
class StringIndex {
 public:
  // The code of `value` if known; else `next`, recorded for it.
  [[gnu::always_inline]] std::int32_t findOrAdd(std::string_view value, std::int32_t next, const std::vector<std::string_view>& views) {
    if (value.size() <= 8) return findOrAddShort(value, next);
    if ((size_ + 1) * 2 > slots_.size()) grow();
    const std::uint64_t h = hash(value);
    for (std::size_t i = h & mask_;; i = (i + 1) & mask_) {
      Slot& slot = slots_[i];
      if (slot.code < 0) {
        slot = {h, next};
        ++size_;
        return next;
      }
      if (slot.hash == h && views[static_cast<std::size_t>(slot.code)] == value) return slot.code;
    }
  }
  void clear() {
    slots_.clear();
    size_ = 0;
    shortSlots_.clear();
    shortSize_ = 0;
  }

 private:
  struct Slot {
    std::uint64_t hash = 0;
    std::int32_t code = -1;
  };
  struct ShortSlot {
    std::uint64_t key = 0;
    std::int32_t code = -1;
    std::uint32_t length = 0;
  };

  // The bytes of a value of at most 8 bytes as one integer that, with the length, identifies it:
  // from 4 bytes on, the first four and the last four (overlapping); below, the first, middle and
  // last byte. Loads stay inside the value.
  static std::uint64_t packShort(std::string_view s) {
    const std::size_t n = s.size();
    const auto* p = reinterpret_cast<const unsigned char*>(s.data());
    if (n >= 4) {
      std::uint32_t lo, hi;
      std::memcpy(&lo, p, 4);
      std::memcpy(&hi, p + n - 4, 4);
      return lo | (std::uint64_t{hi} << 32);
    }
    if (n == 0) return 0;
    return p[0] | (std::uint64_t{p[n / 2]} << 8) | (std::uint64_t{p[n - 1]} << 16);
  }
  [[gnu::always_inline]] std::int32_t findOrAddShort(std::string_view value, std::int32_t next) {
    if ((shortSize_ + 1) * 2 > shortSlots_.size()) growShort();
    const std::uint64_t key = packShort(value);
    const auto length = static_cast<std::uint32_t>(value.size());
    for (std::size_t i = shortHash(key, length) & shortMask_;; i = (i + 1) & shortMask_) {
      ShortSlot& slot = shortSlots_[i];
      if (slot.code < 0) {
        slot = {key, next, length};
        ++shortSize_;
        return next;
      }
      if (slot.key == key && slot.length == length) return slot.code;
    }
  }
  static std::uint64_t shortHash(std::uint64_t key, std::uint32_t length) {
    const std::uint64_t h = (key + length) * 0x9E3779B97F4A7C15ULL;
    return h ^ (h >> 32);
  }
  void growShort() {
    std::vector<ShortSlot> old = std::move(shortSlots_);
    shortSlots_.assign(std::max<std::size_t>(64, old.size() * 2), ShortSlot{});
    shortMask_ = shortSlots_.size() - 1;
    for (const ShortSlot& slot : old)
      if (slot.code >= 0)
        for (std::size_t i = shortHash(slot.key, slot.length) & shortMask_;; i = (i + 1) & shortMask_)
          if (shortSlots_[i].code < 0) {
            shortSlots_[i] = slot;
            break;
          }
  }
  static std::uint64_t hash(std::string_view s) {  // FNV-1a, then a final mix
    std::uint64_t h = 1469598103934665603ULL;
    for (char c : s) h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ULL;
    return h ^ (h >> 29);
  }
  void grow() {
    std::vector<Slot> old = std::move(slots_);
    slots_.assign(std::max<std::size_t>(64, old.size() * 2), Slot{});
    mask_ = slots_.size() - 1;
    for (const Slot& slot : old)
      if (slot.code >= 0)
        for (std::size_t i = slot.hash & mask_;; i = (i + 1) & mask_)
          if (slots_[i].code < 0) {
            slots_[i] = slot;
            break;
          }
  }

  std::vector<Slot> slots_;
  std::size_t mask_ = 0;
  std::size_t size_ = 0;
  std::vector<ShortSlot> shortSlots_;
  std::size_t shortMask_ = 0;
  std::size_t shortSize_ = 0;
};

class CsvStringBuilder {
 public:
  CsvStringBuilder(CsvColumnSegment& segment, std::size_t maxLevels) : segment_(&segment), maxLevels_(maxLevels) {}
  // The segment moved (its vector grew).
  void rebind(CsvColumnSegment& segment) { segment_ = &segment; }

  // Inline for the common case, a value seen before; the rest out of line.
  [[gnu::always_inline]] void add(std::string_view value) {
    if (!segment_->asText) {
      const auto next = static_cast<std::int32_t>(views_.size());
      const std::int32_t code = index_.findOrAdd(value, next, views_);
      if (code != next) {
        segment_->codes.push_back(code);
        return;
      }
    }
    addNew(value);
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
  // A value not seen before (already recorded in the index), or any value of a text segment.
  [[gnu::noinline]] void addNew(std::string_view value) {
    if (segment_->asText) {
      segment_->bytes.append(value);
      segment_->ends.push_back(segment_->bytes.size());
      return;
    }
    const auto code = static_cast<std::int32_t>(views_.size());
    views_.push_back(value);
    if (views_.size() > maxLevels_) {
      switchToText();
      add(value);
      return;
    }
    segment_->codes.push_back(code);
  }

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
  StringIndex index_;
  std::vector<std::string_view> views_;
};

}  // namespace lathe::data
