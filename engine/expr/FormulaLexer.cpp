#include "engine/expr/FormulaLexer.h"

#include <charconv>
#include <cmath>
#include <system_error>

#include "engine/expr/FormulaError.h"

namespace lathe::expr {
namespace {

bool isAsciiDigit(char c) { return c >= '0' && c <= '9'; }

// Reads the UTF-8 sequence at bytes[at]; returns its length and the code point, or 0 when invalid
// (overlong forms, surrogates, values past U+10FFFF and cut sequences are all invalid).
std::size_t decodeUtf8(std::string_view bytes, std::size_t at, char32_t& out) {
  const auto lead = static_cast<unsigned char>(bytes[at]);
  if (lead < 0x80) {
    out = lead;
    return 1;
  }
  std::size_t length = 0;
  char32_t value = 0;
  char32_t minimum = 0;
  if ((lead & 0xE0) == 0xC0) length = 2, value = lead & 0x1F, minimum = 0x80;
  else if ((lead & 0xF0) == 0xE0) length = 3, value = lead & 0x0F, minimum = 0x800;
  else if ((lead & 0xF8) == 0xF0) length = 4, value = lead & 0x07, minimum = 0x10000;
  else return 0;
  if (at + length > bytes.size()) return 0;
  for (std::size_t i = 1; i < length; ++i) {
    const auto next = static_cast<unsigned char>(bytes[at + i]);
    if ((next & 0xC0) != 0x80) return 0;
    value = (value << 6) | (next & 0x3F);
  }
  if (value < minimum || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF)) return 0;
  out = value;
  return length;
}

class Scanner {
 public:
  explicit Scanner(std::string_view formula) : formula_(formula) {}

  std::vector<FormulaToken> run() {
    std::vector<FormulaToken> tokens;
    while (true) {
      skipSpaces();
      if (at_ >= formula_.size()) break;
      tokens.push_back(next());
    }
    FormulaToken end;
    end.position = position_;
    tokens.push_back(end);
    return tokens;
  }

 private:
  [[noreturn]] void fail(const std::string& message, std::size_t position) const {
    throw FormulaError(message, position, std::string(formula_));
  }

  char32_t peekCodePoint(std::size_t& length) const {
    char32_t codePoint = 0;
    length = decodeUtf8(formula_, at_, codePoint);
    if (length == 0) fail("the formula is not valid UTF-8", position_);
    return codePoint;
  }
  void advance(std::size_t bytes) {
    at_ += bytes;
    ++position_;
  }
  void advanceAscii(std::size_t count) {
    at_ += count;
    position_ += count;
  }

  void skipSpaces() {
    while (at_ < formula_.size()) {
      const char c = formula_[at_];
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r') advanceAscii(1);
      else break;
    }
  }

  FormulaToken next() {
    const char c = formula_[at_];
    FormulaToken token;
    token.position = position_;
    if (isAsciiDigit(c) || (c == '.' && at_ + 1 < formula_.size() && isAsciiDigit(formula_[at_ + 1])))
      return number(token);
    if (c == '"' || c == '\'') return stringLiteral(token, c);
    if (c == '[') return bracketName(token);
    if (c == '(' || c == ')' || c == ',') {
      token.kind = c == '(' ? FormulaToken::Kind::LeftParen
                   : c == ')' ? FormulaToken::Kind::RightParen
                              : FormulaToken::Kind::Comma;
      token.text = std::string(1, c);
      advanceAscii(1);
      return token;
    }
    if (auto spelling = operatorAt(); !spelling.empty()) {
      token.kind = FormulaToken::Kind::Operator;
      token.text = std::string(spelling);
      advanceAscii(spelling.size());
      return token;
    }
    std::size_t length = 0;
    const char32_t first = peekCodePoint(length);
    if (isNameCodePoint(first) && !isAsciiDigit(c)) return name(token);
    fail("unexpected character '" + std::string(formula_.substr(at_, length)) + "'", position_);
  }

  std::string_view operatorAt() const {
    static constexpr std::string_view two[] = {"==", "!=", "<=", ">=", "&&", "||", "<>"};
    static constexpr std::string_view one[] = {"+", "-", "*", "/", "%", "^", "<", ">", "&", "!", "="};
    for (auto op : two)
      if (formula_.substr(at_, 2) == op) return op;
    for (auto op : one)
      if (formula_.substr(at_, 1) == op) return op;
    return {};
  }

  FormulaToken number(FormulaToken& token) {
    const std::size_t start = at_;
    bool isFloat = false;
    while (at_ < formula_.size() && isAsciiDigit(formula_[at_])) advanceAscii(1);
    if (at_ < formula_.size() && formula_[at_] == '.') {
      isFloat = true;
      advanceAscii(1);
      while (at_ < formula_.size() && isAsciiDigit(formula_[at_])) advanceAscii(1);
    }
    if (at_ < formula_.size() && (formula_[at_] == 'e' || formula_[at_] == 'E')) {
      std::size_t look = at_ + 1;
      if (look < formula_.size() && (formula_[look] == '+' || formula_[look] == '-')) ++look;
      if (look < formula_.size() && isAsciiDigit(formula_[look])) {
        isFloat = true;
        advanceAscii(look - at_);
        while (at_ < formula_.size() && isAsciiDigit(formula_[at_])) advanceAscii(1);
      }
    }
    const std::string_view digits = formula_.substr(start, at_ - start);
    token.text = std::string(digits);
    if (!isFloat) {
      token.kind = FormulaToken::Kind::Integer;
      const auto result = std::from_chars(digits.data(), digits.data() + digits.size(), token.integer);
      if (result.ec != std::errc())
        fail("the number " + token.text + " is too large for a whole number (at most 9223372036854775807; "
             "write it with a decimal point for an approximate value)", token.position);
      return token;
    }
    token.kind = FormulaToken::Kind::Number;
    // from_chars does not take a leading '.', so parse "0" + ".5".
    const std::string text = digits.front() == '.' ? "0" + token.text : token.text;
    const auto result = std::from_chars(text.data(), text.data() + text.size(), token.number);
    if (result.ec != std::errc() || !std::isfinite(token.number))
      fail("the number " + token.text + " is out of range", token.position);
    return token;
  }

  FormulaToken stringLiteral(FormulaToken& token, char quote) {
    token.kind = FormulaToken::Kind::Text;
    advanceAscii(1);
    while (true) {
      if (at_ >= formula_.size())
        fail("unterminated string: the quote here has no closing " + std::string(1, quote), token.position);
      const char c = formula_[at_];
      if (c == quote) {
        advanceAscii(1);
        return token;
      }
      if (c == '\\') {
        const std::size_t escapePosition = position_;
        advanceAscii(1);
        if (at_ >= formula_.size())
          fail("unterminated string: the quote here has no closing " + std::string(1, quote), token.position);
        const char e = formula_[at_];
        switch (e) {
          case '"': case '\'': case '\\': token.text += e; break;
          case 'n': token.text += '\n'; break;
          case 't': token.text += '\t'; break;
          default:
            fail("unknown escape '\\" + std::string(1, e) + "' (use \\\" \\' \\\\ \\n or \\t)", escapePosition);
        }
        advanceAscii(1);
        continue;
      }
      std::size_t length = 0;
      peekCodePoint(length);
      token.text.append(formula_.substr(at_, length));
      advance(length);
    }
  }

  FormulaToken bracketName(FormulaToken& token) {
    token.kind = FormulaToken::Kind::BracketName;
    advanceAscii(1);
    while (true) {
      if (at_ >= formula_.size()) fail("unterminated column name: the '[' here has no closing ']'", token.position);
      if (formula_[at_] == ']') {
        if (at_ + 1 < formula_.size() && formula_[at_ + 1] == ']') {
          token.text += ']';
          advanceAscii(2);
          continue;
        }
        advanceAscii(1);
        if (token.text.empty()) fail("empty column name '[]'", token.position);
        return token;
      }
      std::size_t length = 0;
      peekCodePoint(length);
      token.text.append(formula_.substr(at_, length));
      advance(length);
    }
  }

  FormulaToken name(FormulaToken& token) {
    token.kind = FormulaToken::Kind::Name;
    while (at_ < formula_.size()) {
      std::size_t length = 0;
      const char32_t codePoint = peekCodePoint(length);
      if (!isNameCodePoint(codePoint)) break;
      token.text.append(formula_.substr(at_, length));
      advance(length);
    }
    return token;
  }

  std::string_view formula_;
  std::size_t at_ = 0;        // byte offset
  std::size_t position_ = 1;  // 1-based code point position of formula_[at_]
};

}  // namespace

bool isNameCodePoint(char32_t c) {
  if (c < 0x80) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
  if (c < 0xC0) return c == 0xAA || c == 0xB5 || c == 0xBA;  // Latin-1 punctuation except ª µ º
  if (c == 0xD7 || c == 0xF7) return false;                    // × ÷
  if (c >= 0x2000 && c <= 0x2BFF) return false;                // punctuation, symbols, arrows, maths
  if (c >= 0x3000 && c <= 0x303F) return false;                // CJK punctuation, ideographic space
  if (c >= 0xE000 && c <= 0xF8FF) return false;                // private use
  if (c >= 0xFE30 && c <= 0xFE4F) return false;                // CJK compatibility forms
  if (c == 0xFEFF) return false;                               // byte order mark
  if ((c >= 0xFF00 && c <= 0xFF0F) || (c >= 0xFF1A && c <= 0xFF20) || (c >= 0xFF3B && c <= 0xFF40) ||
      (c >= 0xFF5B && c <= 0xFF65))
    return false;  // full-width punctuation
  return true;
}

std::vector<FormulaToken> FormulaLexer::tokenize(std::string_view formula) { return Scanner(formula).run(); }

}  // namespace lathe::expr
