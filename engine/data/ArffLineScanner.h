#pragma once
#include <cstddef>
#include <string>
#include <string_view>

#include "engine/data/ArffLineReader.h"

namespace lathe::data {

// A cursor over one ARFF line with Weka's lexical rules: spaces and tabs between tokens, tokens
// quoted with ' or " holding backslash escapes (\n \t \r \\ \' \" \%), and '%' outside quotes
// starting a comment that runs to the end of the line.
class ArffLineScanner {
 public:
  ArffLineScanner(const ArffLineReader& lines, std::string_view line) : lines_(lines), line_(line) {}

  void skipSpaces() {
    while (pos_ < line_.size() && (line_[pos_] == ' ' || line_[pos_] == '\t')) ++pos_;
  }
  // True when only spaces or a comment are left (skips the spaces).
  bool atEnd() {
    skipSpaces();
    return pos_ >= line_.size() || line_[pos_] == '%';
  }
  // The character at the cursor; '\0' past the end.
  char peek() const { return pos_ < line_.size() ? line_[pos_] : '\0'; }
  void advance() { ++pos_; }
  std::size_t pos() const noexcept { return pos_; }
  std::string_view line() const noexcept { return line_; }
  bool atQuote() const { return peek() == '\'' || peek() == '"'; }

  // The quoted token at the cursor (the cursor sits on its opening quote), escapes resolved. The
  // result points into the line when there is nothing to resolve, else into `scratch`. Throws
  // lathe::Error(Parse) naming where the quote opened when the line ends before it closes.
  std::string_view readQuoted(std::string& scratch);
  // An unquoted token: from the cursor up to a character of `stops`, a '%' or the end of the
  // line, without surrounding spaces. The cursor stops on the stop character.
  std::string_view readUnquoted(std::string_view stops);
  // A token that ends at a space, a tab, '{' or '%': a keyword, a name, a type.
  std::string_view readWord();
  // A name or value that may be quoted.
  std::string_view readToken(std::string& scratch) { return atQuote() ? readQuoted(scratch) : readWord(); }

  [[noreturn]] void fail(std::string message, std::size_t at, std::string_view value = {}) const {
    lines_.fail(ErrorCode::Parse, std::move(message), line_, at, value);
  }
  ErrorLocation locationOf(std::size_t at) const { return lines_.at(line_, at); }

 private:
  const ArffLineReader& lines_;
  std::string_view line_;
  std::size_t pos_ = 0;
};

}  // namespace lathe::data
