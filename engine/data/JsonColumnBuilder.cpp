#include "engine/data/JsonColumnBuilder.h"

#include <charconv>
#include <limits>
#include <optional>

#include "engine/core/Error.h"
#include "engine/data/TextColumnInference.h"
#include "engine/data/ValueParsing.h"

namespace lathe::data {
namespace {

using Kind = JsonColumnBuilder::Kind;

constexpr unsigned bit(Kind kind) { return 1U << static_cast<unsigned>(kind); }

const InferenceOptions& jsonInference() {
  // JSON has a real null, so no string is read as a missing-value token.
  static const InferenceOptions options = [] {
    InferenceOptions o;
    o.missingTokens.clear();
    return o;
  }();
  return options;
}

}  // namespace

std::shared_ptr<const Column> JsonColumnBuilder::build(std::size_t rows, const std::string& source,
                                                       std::vector<ImportWarning>& warnings) {
  padTo(rows);
  unsigned seen = 0;
  for (const Kind kind : kinds_) seen |= bit(kind);
  seen &= ~bit(Kind::Missing);
  const unsigned numbers = bit(Kind::Int) | bit(Kind::Float);
  Validity validity;
  if (seen != 0 && (seen & ~numbers) == 0) {
    if (seen == bit(Kind::Int)) {
      std::vector<std::int64_t> values(rows, 0);
      for (std::size_t row = 0; row < rows; ++row) {
        const auto text = textAt(row);
        if (kinds_[row] == Kind::Missing) validity.setMissing(row, rows);
        else std::from_chars(text.data(), text.data() + text.size(), values[row]);
      }
      return Column::int64(name_, std::move(values), std::move(validity));
    }
    std::vector<double> values(rows, std::numeric_limits<double>::quiet_NaN());
    for (std::size_t row = 0; row < rows; ++row) {
      if (kinds_[row] == Kind::Missing) validity.setMissing(row, rows);
      else if (!parseDeclaredFloat64(textAt(row), values[row]))
        throw Error(ErrorCode::Internal, "JSON number '" + std::string(textAt(row)) + "' did not parse");
    }
    return Column::float64(name_, std::move(values), std::move(validity));
  }
  if (seen == bit(Kind::Bool)) {
    std::vector<std::uint8_t> values(rows, 0);
    for (std::size_t row = 0; row < rows; ++row) {
      if (kinds_[row] == Kind::Missing) validity.setMissing(row, rows);
      else values[row] = textAt(row) == "true";
    }
    return Column::boolean(name_, std::move(values), std::move(validity));
  }
  const int groups = ((seen & numbers) != 0) + ((seen & bit(Kind::Bool)) != 0) + ((seen & bit(Kind::String)) != 0);
  const std::string column = "column '" + name_ + "' ";
  if (seen & bit(Kind::Nested))
    warnings.push_back({column + "holds nested objects or arrays; kept as their JSON text", {source}});
  else if (groups > 1)
    warnings.push_back({column + "mixes strings, numbers or true/false; typed from the text of every value", {source}});
  std::vector<std::string_view> values(rows);
  std::vector<std::uint8_t> missing(rows, 0);
  for (std::size_t row = 0; row < rows; ++row) {
    values[row] = textAt(row);
    missing[row] = kinds_[row] == Kind::Missing;
  }
  return buildColumnFromText(name_, values, missing, jsonInference(),
                             (seen & bit(Kind::Nested)) ? std::optional(ColumnType::Text) : std::nullopt);
}

}  // namespace lathe::data
