// year, month, day, weekday, hour, minute, date_diff_days.
#include "engine/expr/FormulaFunctions.h"

namespace lathe::expr {
namespace {

constexpr std::int64_t kMicrosPerDay = 86'400'000'000;

std::int64_t floorDivide(std::int64_t a, std::int64_t b) {
  const std::int64_t q = a / b;
  return (a % b != 0 && ((a < 0) != (b < 0))) ? q - 1 : q;
}

// Days since 1970-01-01 to a proleptic Gregorian date (Howard Hinnant's civil_from_days).
void civilFromDays(std::int64_t days, std::int64_t& year, std::int64_t& month, std::int64_t& day) {
  days += 719468;
  const std::int64_t era = floorDivide(days, 146097);
  const std::int64_t dayOfEra = days - era * 146097;
  const std::int64_t yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146096) / 365;
  const std::int64_t dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
  const std::int64_t monthIndex = (5 * dayOfYear + 2) / 153;
  day = dayOfYear - (153 * monthIndex + 2) / 5 + 1;
  month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9;
  year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
}

std::int64_t datePart(const std::string& name, std::int64_t micros) {
  const std::int64_t days = floorDivide(micros, kMicrosPerDay);
  const std::int64_t ofDay = micros - days * kMicrosPerDay;
  if (name == "hour") return ofDay / 3'600'000'000;
  if (name == "minute") return ofDay / 60'000'000 % 60;
  if (name == "weekday") return (days % 7 + 7 + 3) % 7 + 1;  // 1970-01-01 was a Thursday (4)
  std::int64_t year = 0, month = 0, day = 0;
  civilFromDays(days, year, month, day);
  return name == "year" ? year : name == "month" ? month : day;
}

}  // namespace

FormulaValues FormulaFunctions::date(const std::string& name, const std::vector<FormulaValues>& args) const {
  const FormulaValues& a = args[0];
  const std::size_t sa = strideOf(a);
  if (name == "date_diff_days") {
    const FormulaValues& b = args[1];
    const std::size_t sb = strideOf(b);
    const ResultShape shape = shapeOf(rows_, {&a, &b});
    FormulaValues out;
    out.kind = ValueKind::Float;
    out.scalar = shape.scalar;
    out.slots = shape.slots;
    out.valid = combinedValidity(shape, {&a, &b}, loop_);
    out.floats.assign(shape.slots, 0.0);
    loop_.run(shape.slots, [&](std::size_t i) {
      // Through double: two far-apart dates would overflow an int64 difference of microseconds.
      out.floats[i] = (static_cast<double>(a.ints[i * sa]) - static_cast<double>(b.ints[i * sb])) /
                      static_cast<double>(kMicrosPerDay);
    });
    return out;
  }
  FormulaValues out;
  out.kind = ValueKind::Int;
  out.scalar = a.scalar;
  out.slots = a.slots;
  out.valid = a.valid;
  out.ints.assign(a.slots, 0);
  if (name == "year" || name == "month" || name == "day" || name == "weekday" || name == "hour" || name == "minute")
    loop_.run(a.slots, [&](std::size_t i) { out.ints[i] = a.isValid(i) ? datePart(name, a.ints[i]) : 0; });
  return out;
}

}  // namespace lathe::expr
