#include "engine/data/ArffLineScanner.h"

#include <algorithm>

#include "engine/data/ValueParsing.h"

namespace lathe::data {

std::string_view ArffLineScanner::readQuoted(std::string& scratch) {
  const std::size_t open = pos_;
  const char quote = line_[pos_++];
  const std::size_t start = pos_;
  // Fast path: no backslash before the closing quote, so the token is a slice of the line.
  std::size_t end = start;
  while (end < line_.size() && line_[end] != quote && line_[end] != '\\') ++end;
  if (end < line_.size() && line_[end] == quote) {
    pos_ = end + 1;
    return line_.substr(start, end - start);
  }
  scratch.assign(line_.substr(start, end - start));
  pos_ = end;
  while (pos_ < line_.size()) {
    const char c = line_[pos_];
    if (c == quote) {
      ++pos_;
      return scratch;
    }
    if (c != '\\') {
      scratch.push_back(c);
      ++pos_;
      continue;
    }
    if (pos_ + 1 >= line_.size()) break;
    const char escaped = line_[pos_ + 1];
    switch (escaped) {
      case 'n': scratch.push_back('\n'); break;
      case 't': scratch.push_back('\t'); break;
      case 'r': scratch.push_back('\r'); break;
      case '\\':
      case '\'':
      case '"':
      case '%': scratch.push_back(escaped); break;
      default:  // not an escape Weka writes: keep both characters, so nothing is lost
        scratch.push_back('\\');
        scratch.push_back(escaped);
    }
    pos_ += 2;
  }
  fail(std::string("unterminated quote: the ") + (quote == '"' ? "\"" : "'") +
           " opened here is not closed before the end of the line",
       open, line_.substr(open, std::min<std::size_t>(line_.size() - open, 80)));
}

std::string_view ArffLineScanner::readUnquoted(std::string_view stops) {
  const std::size_t start = pos_;
  while (pos_ < line_.size() && line_[pos_] != '%' && stops.find(line_[pos_]) == std::string_view::npos) ++pos_;
  return trimSpaces(line_.substr(start, pos_ - start));
}

std::string_view ArffLineScanner::readWord() {
  const std::size_t start = pos_;
  while (pos_ < line_.size()) {
    const char c = line_[pos_];
    if (c == ' ' || c == '\t' || c == '{' || c == '%') break;
    ++pos_;
  }
  return line_.substr(start, pos_ - start);
}

}  // namespace lathe::data
