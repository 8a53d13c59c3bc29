#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace lathe::expr {

// One token of a formula with the 1-based character position where it starts.
struct FormulaToken {
  enum class Kind : std::uint8_t {
    Integer, Number, Text, Name, BracketName, LeftParen, RightParen, Comma, Operator, End,
  };
  Kind kind = Kind::End;
  std::size_t position = 1;
  std::string text;        // a name, the decoded string literal, or the operator's spelling
  std::int64_t integer = 0;
  double number = 0.0;
};

// Splits a formula into tokens. Positions count Unicode code points, so an error after a Korean
// column name still points at the right character. Throws FormulaError on invalid UTF-8, an
// unterminated string or bracket name, a bad escape, a number that overflows or a stray character.
class FormulaLexer {
 public:
  static std::vector<FormulaToken> tokenize(std::string_view formula);
};

// True for a code point that may appear in a bare column name: ASCII letters, digits and '_',
// and non-ASCII letters (an approximation without Unicode tables: everything outside the
// punctuation, symbol and space blocks). Digits may not start a name.
bool isNameCodePoint(char32_t codePoint);

}  // namespace lathe::expr
