#include "engine/wrangle/ChangeTypeStep.h"

#include <cmath>
#include <unordered_map>

#include "engine/data/ValueParsing.h"
#include "engine/wrangle/StepSupport.h"

namespace lathe::wrangle {
namespace {

using data::Column;
using data::ColumnType;

// What a conversion of one value gives: a value, a missing value that was missing already
// (or a missing token), or a failure that the step reports.
enum class Outcome { Value, Missing, Failed };

bool isBlankOrMissingToken(std::string_view text) {
  const auto trimmed = data::trimSpaces(text);
  return trimmed.empty() || data::isMissingToken(trimmed, data::defaultMissingTokens());
}

Outcome textToFloat(std::string_view text, double& out) {
  if (isBlankOrMissingToken(text)) return Outcome::Missing;
  return data::parseFloat64(text, out) ? Outcome::Value : Outcome::Failed;
}

bool doubleToInt(double value, std::int64_t& out) {
  // 2^63 is exactly representable; values at or past it do not fit.
  if (!std::isfinite(value) || value != std::floor(value) || value < -9223372036854775808.0 ||
      value >= 9223372036854775808.0)
    return false;
  out = static_cast<std::int64_t>(value);
  return true;
}

Outcome textToInt(std::string_view text, std::int64_t& out) {
  if (isBlankOrMissingToken(text)) return Outcome::Missing;
  if (data::parseInt64(text, out)) return Outcome::Value;
  double value = 0;
  return data::parseFloat64(text, value) && doubleToInt(value, out) ? Outcome::Value : Outcome::Failed;
}

Outcome textToBool(std::string_view text, std::uint8_t& out) {
  if (isBlankOrMissingToken(text)) return Outcome::Missing;
  bool value = false;
  const auto trimmed = data::trimSpaces(text);
  if (trimmed == "0" || trimmed == "1") {
    out = trimmed == "1";
    return Outcome::Value;
  }
  if (!data::parseBool(text, value)) return Outcome::Failed;
  out = value;
  return Outcome::Value;
}

Outcome textToDatetime(std::string_view text, std::int64_t& out) {
  if (isBlankOrMissingToken(text)) return Outcome::Missing;
  return data::parseDatetime(text, out) ? Outcome::Value : Outcome::Failed;
}

Outcome numberToBool(double value, std::uint8_t& out) {
  if (value != 0.0 && value != 1.0) return Outcome::Failed;
  out = value == 1.0;
  return Outcome::Value;
}

// The text of a value for parsing: categorical levels and text cells as they are.
struct TextSource {
  const Column& column;
  std::string_view at(std::size_t row) const {
    if (column.type() == ColumnType::Text) return column.textAt(row);
    return column.levels()[static_cast<std::size_t>(column.codes()[row])];
  }
};

// Runs `one(row, value&) -> Outcome` over every present row, collecting values and validity.
template <typename T, typename One>
std::pair<std::vector<T>, data::Validity> build(const Column& column, std::size_t& failed, std::size_t& firstFailed,
                                                One&& one) {
  const std::size_t size = column.size();
  std::vector<T> values(size, T{});
  data::Validity validity;
  for (std::size_t row = 0; row < size; ++row) {
    if (!column.isValid(row)) {
      validity.setMissing(row, size);
      continue;
    }
    const Outcome outcome = one(row, values[row]);
    if (outcome == Outcome::Value) continue;
    values[row] = T{};
    validity.setMissing(row, size);
    if (outcome == Outcome::Failed && failed++ == 0) firstFailed = row;
  }
  return {std::move(values), std::move(validity)};
}

bool isText(const Column& column) {
  return column.type() == ColumnType::Text || column.type() == ColumnType::Categorical;
}

std::shared_ptr<const Column> toFloat(const Column& c, std::size_t& failed, std::size_t& first) {
  auto [values, validity] = build<double>(c, failed, first, [&](std::size_t row, double& out) {
    if (isText(c)) return textToFloat(TextSource{c}.at(row), out);
    out = c.numericAt(row);
    return Outcome::Value;
  });
  return Column::float64(c.name(), std::move(values), std::move(validity));
}

std::shared_ptr<const Column> toIntLike(const Column& c, ColumnType type, std::size_t& failed, std::size_t& first) {
  auto [values, validity] = build<std::int64_t>(c, failed, first, [&](std::size_t row, std::int64_t& out) {
    if (isText(c)) return type == ColumnType::Int64 ? textToInt(TextSource{c}.at(row), out)
                                                    : textToDatetime(TextSource{c}.at(row), out);
    if (c.type() == ColumnType::Int64 || c.type() == ColumnType::Datetime) {
      out = c.int64Values()[row];
      return Outcome::Value;
    }
    if (c.type() == ColumnType::Bool && type == ColumnType::Datetime) return Outcome::Failed;
    return doubleToInt(c.numericAt(row), out) ? Outcome::Value : Outcome::Failed;
  });
  if (type == ColumnType::Int64) return Column::int64(c.name(), std::move(values), std::move(validity));
  return Column::datetime(c.name(), std::move(values), std::move(validity));
}

std::shared_ptr<const Column> toBool(const Column& c, std::size_t& failed, std::size_t& first) {
  auto [values, validity] = build<std::uint8_t>(c, failed, first, [&](std::size_t row, std::uint8_t& out) {
    if (isText(c)) return textToBool(TextSource{c}.at(row), out);
    if (c.type() == ColumnType::Datetime) return Outcome::Failed;
    return numberToBool(c.numericAt(row), out);
  });
  return Column::boolean(c.name(), std::move(values), std::move(validity));
}

std::shared_ptr<const Column> toCategorical(const Column& c) {
  const std::size_t size = c.size();
  std::vector<std::int32_t> codes(size, -1);
  std::vector<std::string> levels;
  std::unordered_map<std::string, std::int32_t> index;
  data::Validity validity;
  for (std::size_t row = 0; row < size; ++row) {
    if (!c.isValid(row)) {
      validity.setMissing(row, size);
      continue;
    }
    auto [it, added] = index.try_emplace(c.displayText(row), static_cast<std::int32_t>(levels.size()));
    if (added) levels.push_back(it->first);
    codes[row] = it->second;
  }
  return Column::categorical(c.name(), std::move(codes), std::move(levels), std::move(validity));
}

std::shared_ptr<const Column> toText(const Column& c) {
  const std::size_t size = c.size();
  std::vector<std::uint64_t> offsets(size + 1, 0);
  std::string bytes;
  data::Validity validity;
  for (std::size_t row = 0; row < size; ++row) {
    if (!c.isValid(row))
      validity.setMissing(row, size);
    else
      bytes += c.displayText(row);
    offsets[row + 1] = bytes.size();
  }
  return Column::text(c.name(), std::move(offsets), std::move(bytes), std::move(validity));
}

}  // namespace

ChangeTypeStep::ChangeTypeStep(std::vector<std::string> columns, data::ColumnType type)
    : columns_(std::move(columns)), type_(type) {}

std::unique_ptr<RecipeStep> ChangeTypeStep::fromParameters(const nlohmann::json& parameters) {
  auto columns = namesParameter(parameters, "columns", kKind);
  const auto typeName = stringParameter(parameters, "type", kKind);
  const auto type = data::columnTypeFromName(typeName);
  if (!type) badParameter(kKind, "type", "is '" + typeName + "', not one of float64, int64, bool, categorical, text, datetime");
  return std::make_unique<ChangeTypeStep>(std::move(columns), *type);
}

nlohmann::json ChangeTypeStep::parameters() const {
  return {{"columns", columns_}, {"type", std::string(data::columnTypeName(type_))}};
}

std::string ChangeTypeStep::describe() const {
  const std::string what = columns_.size() == 1 ? columns_.front() : std::to_string(columns_.size()) + " columns";
  return "change " + what + " to " + std::string(data::columnTypeName(type_));
}

std::shared_ptr<const Column> ChangeTypeStep::convert(const std::shared_ptr<const Column>& column, ColumnType type,
                                                      std::size_t& failed, std::size_t& firstFailedRow) {
  failed = 0;
  firstFailedRow = 0;
  if (column->type() == type) return column;
  switch (type) {
    case ColumnType::Float64: return toFloat(*column, failed, firstFailedRow);
    case ColumnType::Int64:
    case ColumnType::Datetime: return toIntLike(*column, type, failed, firstFailedRow);
    case ColumnType::Bool: return toBool(*column, failed, firstFailedRow);
    case ColumnType::Categorical: return toCategorical(*column);
    case ColumnType::Text: return toText(*column);
  }
  return column;
}

data::Table ChangeTypeStep::apply(const data::Table& table, const jobs::JobContext* context) const {
  std::vector<std::string> warnings;
  std::vector<std::pair<std::string, std::size_t>> failedCounts;
  auto columns = table.columns();
  for (std::size_t i = 0; i < columns_.size(); ++i) {
    throwIfStopped(context);
    const std::size_t index = requireColumnIndex(table, columns_[i], kKind);
    std::size_t failed = 0, first = 0;
    columns[index] = convert(columns[index], type_, failed, first);
    failedCounts.emplace_back(columns_[i], failed);
    if (failed > 0)
      warnings.push_back(columns_[i] + ": " + std::to_string(failed) + " value" + (failed == 1 ? "" : "s") +
                         " did not convert to " + std::string(data::columnTypeName(type_)) +
                         " and became missing (first at row " + std::to_string(first + 1) + ": '" +
                         table.column(index).displayText(first) + "')");
    reportProgress(context, double(i + 1) / double(columns_.size()), "Changing types");
  }
  warnings_ = std::move(warnings);
  failed_ = std::move(failedCounts);
  return data::Table(std::move(columns));
}

}  // namespace lathe::wrangle
