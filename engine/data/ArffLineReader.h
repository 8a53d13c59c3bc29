#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "engine/core/Error.h"

namespace lathe::data {

// The lines of an ARFF text (LF, CRLF or bare CR), numbered from 1, and the errors that point
// into them. ARFF values never span lines (Weka escapes newlines as \n), so every parser step
// works on one line.
class ArffLineReader {
 public:
  // `charColumns`: count columns in characters rather than bytes, for text decoded from Latin-1,
  // where one byte of the file became one or two bytes of UTF-8.
  ArffLineReader(std::string_view text, std::string sourceName, bool charColumns)
      : text_(text), sourceName_(std::move(sourceName)), charColumns_(charColumns) {}

  // The next line without its terminator; false at the end of the text.
  bool next(std::string_view& line) {
    if (pos_ >= text_.size()) return false;
    const std::size_t start = pos_;
    std::size_t end = start;
    while (end < text_.size() && text_[end] != '\n' && text_[end] != '\r') ++end;
    pos_ = end;
    if (pos_ < text_.size() && text_[pos_] == '\r') ++pos_;
    if (pos_ < text_.size() && text_[pos_] == '\n' && (pos_ == end || text_[end] == '\r')) ++pos_;
    line = text_.substr(start, end - start);
    ++lineNumber_;
    return true;
  }

  std::int64_t lineNumber() const noexcept { return lineNumber_; }
  // How far through the text the reader is, for progress.
  double fraction() const noexcept {
    return text_.empty() ? 1.0 : static_cast<double>(pos_) / static_cast<double>(text_.size());
  }
  const std::string& sourceName() const noexcept { return sourceName_; }

  // Where byte `pos` of `line` (the current line) is: the line and a 1-based column.
  ErrorLocation at(std::string_view line, std::size_t pos) const {
    std::int64_t column = 1;
    for (std::size_t i = 0; i < pos && i < line.size(); ++i)
      if (!charColumns_ || (static_cast<unsigned char>(line[i]) & 0xC0) != 0x80) ++column;
    return ErrorLocation{sourceName_, lineNumber_, column, -1};
  }
  ErrorLocation atLine() const { return ErrorLocation{sourceName_, lineNumber_, -1, -1}; }

  [[noreturn]] void fail(ErrorCode code, std::string message, std::string_view line, std::size_t pos,
                         std::string_view value = {}) const {
    throw Error(code, std::move(message), at(line, pos), std::string(value));
  }

 private:
  std::string_view text_;
  std::string sourceName_;
  bool charColumns_;
  std::size_t pos_ = 0;
  std::int64_t lineNumber_ = 0;
};

}  // namespace lathe::data
