#include "engine/data/ArffDateFormat.h"

#include <chrono>

namespace lathe::data {
namespace {

bool isLetter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool isDigit(char c) { return c >= '0' && c <= '9'; }

}  // namespace

std::optional<ArffDateFormat> ArffDateFormat::compile(std::string_view pattern, std::string& problem) {
  ArffDateFormat format;
  format.pattern_.assign(pattern);
  auto literal = [&](char c) {
    if (format.parts_.empty() || format.parts_.back().field != 0) format.parts_.push_back({});
    format.parts_.back().literal.push_back(c);
  };
  std::size_t i = 0;
  while (i < pattern.size()) {
    const char c = pattern[i];
    if (c == '\'') {  // quoted literal text; '' is one quote, inside or outside quotes
      if (i + 1 < pattern.size() && pattern[i + 1] == '\'') {
        literal('\'');
        i += 2;
        continue;
      }
      ++i;
      for (;;) {
        if (i >= pattern.size()) {
          problem = "the date pattern '" + format.pattern_ + "' has an unterminated quote";
          return std::nullopt;
        }
        if (pattern[i] == '\'') {
          if (i + 1 < pattern.size() && pattern[i + 1] == '\'') {
            literal('\'');
            i += 2;
            continue;
          }
          ++i;
          break;
        }
        literal(pattern[i++]);
      }
      continue;
    }
    if (!isLetter(c)) {
      literal(c);
      ++i;
      continue;
    }
    int width = 0;
    while (i < pattern.size() && pattern[i] == c) ++i, ++width;
    const std::string run(static_cast<std::size_t>(width), c);
    if (c == 'y' && width == 2) {
      problem = "two-digit years (yy) in the date pattern '" + format.pattern_ +
                "' are not supported: the century would be a guess; use yyyy";
      return std::nullopt;
    }
    if (c == 'M' && width > 2) {
      problem = "month names (" + run + ") in the date pattern '" + format.pattern_ + "' are not supported";
      return std::nullopt;
    }
    if (std::string_view("yMdHmsS").find(c) == std::string_view::npos) {
      problem = "the date pattern letter '" + run + "' in '" + format.pattern_ +
                "' is not supported (supported: yyyy MM dd HH mm ss SSS and quoted text)";
      return std::nullopt;
    }
    format.parts_.push_back({c, width, {}});
  }
  return format;
}

bool ArffDateFormat::parse(std::string_view text, std::int64_t& micros) const {
  int fields[128] = {};
  fields['y'] = 1970;
  fields['M'] = 1;
  fields['d'] = 1;
  std::size_t pos = 0;
  for (std::size_t p = 0; p < parts_.size(); ++p) {
    const Part& part = parts_[p];
    if (part.field == 0) {
      if (text.substr(pos, part.literal.size()) != part.literal) return false;
      pos += part.literal.size();
      continue;
    }
    // Like Java: a number followed directly by another number takes exactly its width.
    const bool abutting = p + 1 < parts_.size() && parts_[p + 1].field != 0;
    const std::size_t maxDigits = abutting ? static_cast<std::size_t>(part.width) : 9;
    std::size_t digits = 0;
    int value = 0;
    while (pos < text.size() && digits < maxDigits && isDigit(text[pos])) {
      value = value * 10 + (text[pos++] - '0');
      ++digits;
    }
    if (digits == 0 || (abutting && digits != maxDigits)) return false;
    fields[static_cast<unsigned char>(part.field)] = value;
  }
  if (pos != text.size()) return false;
  const int y = fields['y'], mo = fields['M'], d = fields['d'];
  const int h = fields['H'], mi = fields['m'], s = fields['s'], ms = fields['S'];
  if (y > 9999 || mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 59 || ms > 999) return false;
  using namespace std::chrono;
  const year_month_day date{year{y}, month{static_cast<unsigned>(mo)}, day{static_cast<unsigned>(d)}};
  if (!date.ok()) return false;
  const std::int64_t days = sys_days{date}.time_since_epoch().count();
  micros = ((days * 24 + h) * 60 + mi) * 60'000'000LL + s * 1'000'000LL + ms * 1'000LL;
  return true;
}

}  // namespace lathe::data
