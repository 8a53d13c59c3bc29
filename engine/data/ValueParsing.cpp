#include "engine/data/ValueParsing.h"

#include <algorithm>
#include <charconv>
#include <chrono>
#include <cmath>
#include <limits>

namespace lathe::data {
namespace {

bool equalsIgnoreCase(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return (x | 0x20) == (y | 0x20);
         });
}

bool isDigit(char c) { return c >= '0' && c <= '9'; }

// Reads exactly `digits` (or between minDigits and maxDigits) decimal digits at text[pos].
bool readNumber(std::string_view text, std::size_t& pos, int minDigits, int maxDigits, int& out) {
  int value = 0, count = 0;
  while (pos < text.size() && count < maxDigits && isDigit(text[pos])) {
    value = value * 10 + (text[pos] - '0');
    ++pos;
    ++count;
  }
  if (count < minDigits) return false;
  out = value;
  return true;
}

bool validDate(int y, int m, int d) {
  using namespace std::chrono;
  return year_month_day{year{y}, month{static_cast<unsigned>(m)}, day{static_cast<unsigned>(d)}}.ok();
}

std::int64_t daysFromCivil(int y, int m, int d) {
  using namespace std::chrono;
  return sys_days{year{y} / month{static_cast<unsigned>(m)} / day{static_cast<unsigned>(d)}}.time_since_epoch().count();
}

// Parses "[T or spaces]HH:MM[:SS[.ffffff]][Z|±HH[:MM]]" from pos to the end.
bool parseTime(std::string_view text, std::size_t pos, std::int64_t& micros) {
  micros = 0;
  if (pos == text.size()) return true;
  if (text[pos] == 'T' || text[pos] == 't') ++pos;
  else if (text[pos] == ' ') while (pos < text.size() && text[pos] == ' ') ++pos;
  else return false;
  int h = 0, mi = 0, s = 0;
  if (!readNumber(text, pos, 1, 2, h) || pos >= text.size() || text[pos++] != ':') return false;
  if (!readNumber(text, pos, 2, 2, mi)) return false;
  std::int64_t fraction = 0;
  if (pos < text.size() && text[pos] == ':') {
    ++pos;
    if (!readNumber(text, pos, 2, 2, s)) return false;
    if (pos < text.size() && (text[pos] == '.' || text[pos] == ',')) {
      ++pos;
      int digits = 0;
      while (pos < text.size() && isDigit(text[pos])) {
        if (digits < 6) fraction = fraction * 10 + (text[pos] - '0');
        ++digits;
        ++pos;
      }
      if (digits == 0) return false;
      for (; digits < 6; ++digits) fraction *= 10;
    }
  }
  if (h > 23 || mi > 59 || s > 60) return false;  // 60: a leap second, folded into the next minute
  std::int64_t offsetMinutes = 0;
  if (pos < text.size()) {
    const char sign = text[pos];
    if ((sign == 'Z' || sign == 'z') && pos + 1 == text.size()) {
      ++pos;
    } else if (sign == '+' || sign == '-') {
      ++pos;
      int oh = 0, om = 0;
      if (!readNumber(text, pos, 2, 2, oh)) return false;
      if (pos < text.size() && text[pos] == ':') ++pos;
      if (pos < text.size() && !readNumber(text, pos, 2, 2, om)) return false;
      if (oh > 18 || om > 59) return false;
      offsetMinutes = (oh * 60 + om) * (sign == '-' ? -1 : 1);
    }
  }
  if (pos != text.size()) return false;
  micros = ((static_cast<std::int64_t>(h) * 60 + mi - offsetMinutes) * 60 + s) * 1'000'000 + fraction;
  return true;
}

}  // namespace

bool parseInt64(std::string_view text, std::int64_t& out) {
  text = trimSpaces(text);
  // One sign, then digits: from_chars takes a '-' but no '+', so "+-5" must not reach it as "-5".
  const bool plus = !text.empty() && text.front() == '+';
  if (plus) text.remove_prefix(1);
  const bool minus = !plus && !text.empty() && text.front() == '-';
  if (text.size() <= std::size_t{minus} || !isDigit(text[minus ? 1 : 0])) return false;
  // Up to 18 digits cannot overflow: the common case, without from_chars' general machinery.
  if (text.size() - minus <= 18) {
    std::int64_t value = 0;
    for (std::size_t i = minus; i < text.size(); ++i) {
      if (!isDigit(text[i])) return false;
      value = value * 10 + (text[i] - '0');
    }
    out = minus ? -value : value;
    return true;
  }
  std::int64_t value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size()) return false;
  out = value;
  return true;
}

namespace {

bool isIntegerShaped(std::string_view body) {
  return !body.empty() && std::all_of(body.begin(), body.end(), isDigit);
}

bool parseAnyFloat64(std::string_view text, double& out, char decimal, bool longIntegers) {
  text = trimSpaces(text);
  if (text.empty()) return false;
  bool negative = false;
  std::string_view body = text;
  if (body.front() == '+' || body.front() == '-') {
    negative = body.front() == '-';
    body.remove_prefix(1);
  }
  if (body.empty()) return false;
  if (equalsIgnoreCase(body, "nan")) {
    out = std::numeric_limits<double>::quiet_NaN();
    return true;
  }
  if (equalsIgnoreCase(body, "inf") || equalsIgnoreCase(body, "infinity")) {
    out = negative ? -std::numeric_limits<double>::infinity() : std::numeric_limits<double>::infinity();
    return true;
  }
  // from_chars accepts neither a leading '+' nor "0x"; it would read "inf"/"nan" prefixes, handled above.
  if (!isDigit(body.front()) && body.front() != decimal) return false;
  // An integer too long for int64 is an ID: as a double it would silently lose digits.
  std::int64_t ignored = 0;
  if (!longIntegers && isIntegerShaped(body) && !parseInt64(text, ignored)) return false;
  std::string local;
  if (decimal != '.') {
    if (body.find('.') != std::string_view::npos) return false;
    local.assign(body);
    std::replace(local.begin(), local.end(), decimal, '.');
    body = local;
  }
  double value = 0;
  const auto [end, ec] = std::from_chars(body.data(), body.data() + body.size(), value,
                                         std::chars_format::general);
  if (end != body.data() + body.size()) return false;
  if (ec == std::errc::result_out_of_range) {
    // from_chars reports overflow and underflow alike; tell them apart by the exponent's sign.
    const auto e = body.find_first_of("eE");
    const bool tiny = e != std::string_view::npos && e + 1 < body.size() && body[e + 1] == '-';
    value = tiny ? 0.0 : std::numeric_limits<double>::infinity();
  } else if (ec != std::errc()) {
    return false;
  }
  out = negative ? -value : value;
  return true;
}

}  // namespace

bool parseFloat64(std::string_view text, double& out, char decimal) {
  return parseAnyFloat64(text, out, decimal, false);
}

bool parseDeclaredFloat64(std::string_view text, double& out, char decimal) {
  return parseAnyFloat64(text, out, decimal, true);
}

bool parseBool(std::string_view text, bool& out) {
  text = trimSpaces(text);
  for (std::string_view yes : {"true", "yes", "t", "y"})
    if (equalsIgnoreCase(text, yes)) return out = true, true;
  for (std::string_view no : {"false", "no", "f", "n"})
    if (equalsIgnoreCase(text, no)) return out = false, true;
  return false;
}

bool parseDatetime(std::string_view text, std::int64_t& out, DateOrder order) {
  text = trimSpaces(text);
  if (text.size() < 8 || !isDigit(text.front())) return false;
  // The common ISO form YYYY-MM-DD first, digits at fixed places; any other form below.
  if (text.size() >= 10 && text[4] == '-' && text[7] == '-' && (text.size() == 10 || !isDigit(text[10]))) {
    bool digits = true;
    for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) digits = digits && isDigit(text[i]);
    if (digits) {
      const int y = (text[0] - '0') * 1000 + (text[1] - '0') * 100 + (text[2] - '0') * 10 + (text[3] - '0');
      const int m = (text[5] - '0') * 10 + (text[6] - '0');
      const int d = (text[8] - '0') * 10 + (text[9] - '0');
      std::int64_t timeMicros = 0;
      if (!validDate(y, m, d) || !parseTime(text, 10, timeMicros)) return false;
      out = daysFromCivil(y, m, d) * 86'400'000'000LL + timeMicros;
      return true;
    }
  }
  std::size_t pos = 0;
  int y = 0, m = 0, d = 0;
  int first = 0;
  if (!readNumber(text, pos, 1, 4, first) || pos >= text.size()) return false;
  const char sep = text[pos];
  if (sep != '-' && sep != '/' && sep != '.') return false;
  auto skipSeparator = [&](char s) {
    if (pos >= text.size() || text[pos] != s) return false;
    ++pos;
    if (s == '.') while (pos < text.size() && text[pos] == ' ') ++pos;  // "2024. 3. 1."
    return true;
  };
  if (pos == 4) {  // year first
    y = first;
    if (!skipSeparator(sep) || !readNumber(text, pos, 1, 2, m) || !skipSeparator(sep) ||
        !readNumber(text, pos, 1, 2, d))
      return false;
    if (sep == '.' && pos < text.size() && text[pos] == '.') ++pos;  // trailing dot of "2024. 3. 1."
  } else {  // 03/01/2024 or 01.03.2024: the year last, four digits
    if (sep == '-') return false;
    int second = 0;
    if (!skipSeparator(sep) || !readNumber(text, pos, 1, 2, second) || !skipSeparator(sep)) return false;
    const std::size_t yearStart = pos;
    if (!readNumber(text, pos, 4, 4, y) || pos - yearStart != 4) return false;
    m = order == DateOrder::MonthFirst ? first : second;
    d = order == DateOrder::MonthFirst ? second : first;
  }
  if (!validDate(y, m, d)) return false;
  std::int64_t timeMicros = 0;
  if (!parseTime(text, pos, timeMicros)) return false;
  out = daysFromCivil(y, m, d) * 86'400'000'000LL + timeMicros;
  return true;
}

const std::vector<std::string>& defaultMissingTokens() {
  static const std::vector<std::string> tokens{"NA", "N/A", "n/a", "NaN", "nan", "null", "NULL",
                                               "None", "?", "-", "#N/A"};
  return tokens;
}

bool isMissingToken(std::string_view text, std::span<const std::string> tokens) {
  return std::any_of(tokens.begin(), tokens.end(), [text](const std::string& t) { return t == text; });
}

}  // namespace lathe::data
