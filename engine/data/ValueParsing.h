#pragma once
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace lathe::data {

// Parsing one field's text into a typed value, shared by every reader so a "3.5" or a
// "2024-03-01" means the same from CSV, JSON or ARFF. Each returns false (and leaves `out`
// alone) when the text is not exactly such a value; surrounding spaces are ignored.

// Decimal integers with one optional sign, exactly (IDs above 2^53 are not rounded); "+-5" is not.
bool parseInt64(std::string_view text, std::int64_t& out);
// Decimal or scientific numbers, "NaN", "inf"/"infinity" (any case, one optional sign). `decimal`
// is the decimal separator ('.' or ','). Overflow ("1e309") gives ±inf and is accepted. But an
// integer (sign and digits only) beyond int64 is refused: it is an ID whose last digits a double
// would silently change, so a column of them stays text (written "1.8e19" or "18446744073709551616.0"
// it is a float like any other).
bool parseFloat64(std::string_view text, double& out, char decimal = '.');
// parseFloat64 for a value already declared a number (an ARFF NUMERIC attribute, a JSON number):
// an integer beyond int64 is read too, as the nearest double.
bool parseDeclaredFloat64(std::string_view text, double& out, char decimal = '.');
// true/false, yes/no, t/f, y/n (any case). Not 0/1: those stay integers.
bool parseBool(std::string_view text, bool& out);

// How to read an all-numeric date such as 03/04/2024 when the year is not first.
enum class DateOrder : std::uint8_t { MonthFirst, DayFirst };

// Dates and times to microseconds since 1970-01-01T00:00:00 UTC:
//   2024-03-01, 2024/03/01, 2024.03.01 (also "2024. 3. 1."), each with an optional time
//   "T12:30", " 12:30:15", "12:30:15.250", then an optional "Z", "+09:00", "+0900" or "-05";
//   03/01/2024 or 01/03/2024 (per `order`), with 4-digit years only.
// Impossible dates (2023-02-29, 2024-13-01) are refused; offsets convert to UTC.
bool parseDatetime(std::string_view text, std::int64_t& out, DateOrder order = DateOrder::MonthFirst);

// The default missing-value tokens (pandas' usual ones plus Weka's "?"): NA, N/A, n/a, NaN, nan,
// null, NULL, None, ?, -, #N/A. An unquoted empty field is missing too; readers decide that, since
// a quoted empty string in a text column is a value.
const std::vector<std::string>& defaultMissingTokens();
bool isMissingToken(std::string_view text, std::span<const std::string> tokens);

// text without leading and trailing ASCII spaces and tabs (inline: called for every cell).
inline std::string_view trimSpaces(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

}  // namespace lathe::data
