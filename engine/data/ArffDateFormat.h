#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace lathe::data {

// The date pattern of an ARFF DATE attribute: the subset of Java's SimpleDateFormat that Weka
// files use, namely yyyy (or y, yyy...), MM, dd, HH, mm, ss, SSS, literal text in '...' ('' is a
// quote) and any other non-letter character as itself. Parsing is strict, as Weka's is (no
// lenient roll-over: 2023-02-29 is refused) and reads the whole value. Times are taken as UTC.
class ArffDateFormat {
 public:
  static constexpr std::string_view kDefaultPattern = "yyyy-MM-dd'T'HH:mm:ss";

  ArffDateFormat() = default;
  // nullopt with `problem` saying why for a pattern outside the subset (month names, "yy", time
  // zones, am/pm...).
  static std::optional<ArffDateFormat> compile(std::string_view pattern, std::string& problem);

  // Microseconds since 1970-01-01T00:00:00 UTC; false when `text` does not match the pattern or
  // names an impossible date or time. Fields the pattern lacks default to 1970-01-01 00:00:00.
  bool parse(std::string_view text, std::int64_t& micros) const;
  const std::string& pattern() const noexcept { return pattern_; }

 private:
  struct Part {
    char field = 0;  // a pattern letter, or 0 for literal text
    int width = 0;   // how many times the letter was repeated
    std::string literal;
  };
  std::vector<Part> parts_;
  std::string pattern_;
};

}  // namespace lathe::data
