#pragma once
#include <cstdint>
#include <algorithm>
#include <cstring>
#include <deque>
#include <string>
#include <string_view>
#include <vector>

#include "engine/core/Error.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace lathe::data {

struct CsvField {
  std::string_view value;
  bool quoted = false;
};

// Reads the records of a delimited text, one at a time, into fields that point into the text
// (or, for a field with doubled quotes or text after its closing quote, into the cursor's own
// storage, which lives as long as the cursor).
//
// The one lenient rule: a quote opens a quoted field only at the start of a field. Anywhere else
// it is an ordinary character (a"b,c gives a"b and c), and text after a closing quote is kept as
// part of the field ("ab"x gives abx). Records end at LF, CRLF or a bare CR outside quotes; empty
// lines are skipped. An unterminated quote, or a field longer than maxFieldBytes, throws
// lathe::Error(Parse) naming the line where the field starts.
class CsvCursor {
 public:
  CsvCursor(std::string_view text, std::size_t begin, std::size_t end, char delimiter, char quote,
            std::uint64_t maxFieldBytes)
      : text_(text), pos_(begin), end_(end), delimiter_(delimiter), quote_(quote), maxField_(maxFieldBytes) {
    stops_[static_cast<unsigned char>(delimiter)] = true;
    stops_[static_cast<unsigned char>('\n')] = true;
    stops_[static_cast<unsigned char>('\r')] = true;
#if defined(__SSE2__)
    delimiters_ = _mm_set1_epi8(delimiter);
    lfs_ = _mm_set1_epi8('\n');
    crs_ = _mm_set1_epi8('\r');
#endif
  }

  // The next non-empty record's fields; false at the end of the range.
  [[gnu::always_inline]] bool next(std::vector<CsvField>& fields) {
    fields.clear();
    // Skip empty lines, counting them.
    while (pos_ < end_ && (text_[pos_] == '\n' || text_[pos_] == '\r')) consumeNewline();
    if (pos_ >= end_) return false;
    recordLine_ = line_;
    for (;;) {
      fields.push_back(readField());
      if (pos_ >= end_) break;
      const char c = text_[pos_];
      if (c == delimiter_) {  // "a,b," ends with an empty field: the next readField() gives it
        ++pos_;
        continue;
      }
      consumeNewline();
      break;
    }
    return true;
  }

  // Lines are counted from 0 at the start of the range; add the range's first line.
  std::int64_t recordLine() const { return recordLine_; }
  std::int64_t linesConsumed() const { return line_; }
  std::size_t position() const { return pos_; }
  void clearStorage() { storage_.clear(); }
  // The storage behind fields that are not views of the text; their views stay valid in it.
  std::deque<std::string> takeStorage() { return std::move(storage_); }

 private:
  void consumeNewline() {
    if (text_[pos_] == '\r' && pos_ + 1 < end_ && text_[pos_ + 1] == '\n') ++pos_;
    ++pos_;
    ++line_;
  }

  void checkLength(std::size_t length) const {
    if (length > maxField_)
      throw Error(ErrorCode::Parse, "a field is longer than the limit of " + std::to_string(maxField_) + " bytes",
                  {"", recordLine_, -1, static_cast<std::int64_t>(pos_)});
  }

  [[gnu::always_inline]] CsvField readField() {
    const std::size_t start = pos_;
    if (pos_ < end_ && text_[pos_] == quote_) return readQuoted();
    pos_ = nextStop(pos_);
    if (pos_ - start > maxField_) checkLength(pos_ - start);
    return {std::string_view(text_.data() + start, pos_ - start), false};
  }

  // The hot loop of every import: the first delimiter, CR or LF at or after `from` (or end_).
  // The stops of a 64-byte window are found at once and kept as a bit mask, so the fields of a
  // typical record cost a shift and a count of trailing zeros each rather than a test per byte.
  // The mask depends only on the bytes, so it stays valid however pos_ moved (quoted fields too).
  [[gnu::always_inline]] std::size_t nextStop(std::size_t from) {
    for (;;) {
      if (from >= end_) return end_;
      if (from >= windowBase_ && from < windowBase_ + 64) {
        const std::uint64_t m = windowMask_ & (~std::uint64_t{0} << (from - windowBase_));
        if (m) return windowBase_ + static_cast<std::size_t>(__builtin_ctzll(m));
        from = windowBase_ + 64;
        continue;
      }
      loadWindow(from);
    }
  }

  // windowMask_: bit i set when text_[from + i] ends an unquoted field, for i < 64 within end_.
  void loadWindow(std::size_t from) {
    const std::size_t n = std::min<std::size_t>(64, end_ - from);
    const char* p = text_.data() + from;
    std::uint64_t mask = 0;
#if defined(__SSE2__)
    if (n == 64) {
      for (int k = 0; k < 4; ++k) {
        const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + 16 * k));
        const __m128i hit = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, delimiters_), _mm_cmpeq_epi8(v, lfs_)),
                                         _mm_cmpeq_epi8(v, crs_));
        mask |= static_cast<std::uint64_t>(static_cast<std::uint32_t>(_mm_movemask_epi8(hit)) & 0xFFFFu) << (16 * k);
      }
    } else
#endif
    {
      for (std::size_t i = 0; i < n; ++i)
        mask |= static_cast<std::uint64_t>(stops_[static_cast<unsigned char>(p[i])]) << i;
    }
    windowBase_ = from;
    windowMask_ = mask;
  }

  CsvField readQuoted() {
    const std::int64_t openedOnLine = line_;
    ++pos_;  // the opening quote
    std::string* owned = nullptr;
    std::size_t segment = pos_;
    for (;;) {
      const void* hit = std::memchr(text_.data() + pos_, quote_, end_ - pos_);
      if (!hit)
        throw Error(ErrorCode::Parse, "a quoted field is never closed", {"", openedOnLine, -1, static_cast<std::int64_t>(segment - 1)});
      const std::size_t q = static_cast<const char*>(hit) - text_.data();
      countLines(pos_, q);
      pos_ = q + 1;
      if (pos_ < end_ && text_[pos_] == quote_) {  // "" inside quotes is one quote
        if (!owned) owned = &storage_.emplace_back();
        owned->append(text_.substr(segment, q + 1 - segment));
        ++pos_;
        segment = pos_;
        checkLength(owned->size());
        continue;
      }
      // Closed. Anything up to the next delimiter or newline is kept as part of the field.
      std::size_t after = pos_;
      while (after < end_ && text_[after] != delimiter_ && text_[after] != '\n' && text_[after] != '\r') ++after;
      if (!owned && after == pos_) {
        checkLength(q - segment);
        return {text_.substr(segment, q - segment), true};
      }
      if (!owned) owned = &storage_.emplace_back();
      owned->append(text_.substr(segment, q - segment));
      owned->append(text_.substr(pos_, after - pos_));
      pos_ = after;
      checkLength(owned->size());
      return {*owned, true};
    }
  }

  // Newlines inside a quoted field still advance the line count (errors name physical lines).
  void countLines(std::size_t from, std::size_t to) {
    for (std::size_t i = from; i < to; ++i) {
      const char c = text_[i];
      if (c == '\n' || (c == '\r' && (i + 1 >= to || text_[i + 1] != '\n'))) ++line_;
    }
  }

  std::string_view text_;
  std::size_t pos_;
  std::size_t end_;
  char delimiter_;
  char quote_;
  std::uint64_t maxField_;
  std::int64_t line_ = 0;
  std::int64_t recordLine_ = 0;
  std::deque<std::string> storage_;
  bool stops_[256] = {};  // the bytes that end an unquoted field
  std::size_t windowBase_ = ~std::size_t{0} - 64;  // no window yet
  std::uint64_t windowMask_ = 0;
#if defined(__SSE2__)
  __m128i delimiters_, lfs_, crs_;  // the stops, one per byte lane
#endif
};

}  // namespace lathe::data
