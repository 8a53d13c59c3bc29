#include "engine/data/TextColumnInference.h"

#include <cmath>
#include <limits>
#include <unordered_map>

#include "engine/core/Error.h"

namespace lathe::data {
namespace {

struct Cells {
  std::span<const std::string_view> values;
  std::span<const std::uint8_t> missing;
  const InferenceOptions& options;

  // Missing for every type: flagged by the reader, or a missing token.
  bool isMissing(std::size_t row) const {
    return (!missing.empty() && missing[row]) || isMissingToken(values[row], options.missingTokens);
  }
  // Missing for the typed (non-string) columns: also empty or blank.
  bool isBlank(std::size_t row) const { return isMissing(row) || trimSpaces(values[row]).empty(); }

  template <typename Parse>
  bool all(Parse parse) const {
    bool any = false;
    for (std::size_t row = 0; row < values.size(); ++row) {
      if (isBlank(row)) continue;
      if (!parse(values[row])) return false;
      any = true;
    }
    return any;
  }
};

std::optional<DateOrder> datetimeOrder(const Cells& cells) {
  std::int64_t ignored = 0;
  for (DateOrder order : {DateOrder::MonthFirst, DateOrder::DayFirst})
    if (cells.all([&](std::string_view v) { return parseDatetime(v, ignored, order); })) return order;
  return std::nullopt;
}

[[noreturn]] void badValue(std::string_view value, std::size_t row, ColumnType type) {
  throw Error(ErrorCode::Parse,
              "'" + std::string(value) + "' in row " + std::to_string(row + 1) + " is not a valid " +
                  std::string(columnTypeName(type)),
              {}, std::string(value));
}

template <typename T, typename Parse>
std::shared_ptr<const Column> buildTyped(std::string name, const Cells& cells, ColumnType type, T missingValue,
                                         Parse parse) {
  const std::size_t rows = cells.values.size();
  std::vector<T> out(rows, missingValue);
  Validity validity;
  for (std::size_t row = 0; row < rows; ++row) {
    if (cells.isBlank(row)) {
      validity.setMissing(row, rows);
      continue;
    }
    if (!parse(cells.values[row], out[row])) badValue(cells.values[row], row, type);
  }
  switch (type) {
    case ColumnType::Float64:
      if constexpr (std::is_same_v<T, double>) return Column::float64(std::move(name), std::move(out), std::move(validity));
      break;
    case ColumnType::Int64:
      if constexpr (std::is_same_v<T, std::int64_t>) return Column::int64(std::move(name), std::move(out), std::move(validity));
      break;
    case ColumnType::Datetime:
      if constexpr (std::is_same_v<T, std::int64_t>) return Column::datetime(std::move(name), std::move(out), std::move(validity));
      break;
    case ColumnType::Bool:
      if constexpr (std::is_same_v<T, std::uint8_t>) return Column::boolean(std::move(name), std::move(out), std::move(validity));
      break;
    default: break;
  }
  throw Error(ErrorCode::Internal, "buildTyped: unsupported type");
}

std::shared_ptr<const Column> buildStrings(std::string name, const Cells& cells, ColumnType type) {
  const std::size_t rows = cells.values.size();
  Validity validity;
  if (type == ColumnType::Categorical) {
    std::unordered_map<std::string_view, std::int32_t> index;
    std::vector<std::string> levels;
    std::vector<std::int32_t> codes(rows, -1);
    for (std::size_t row = 0; row < rows; ++row) {
      if (cells.isMissing(row)) {
        validity.setMissing(row, rows);
        continue;
      }
      auto [it, added] = index.try_emplace(cells.values[row], static_cast<std::int32_t>(levels.size()));
      if (added) levels.emplace_back(cells.values[row]);
      codes[row] = it->second;
    }
    return Column::categorical(std::move(name), std::move(codes), std::move(levels), std::move(validity));
  }
  std::vector<std::uint64_t> offsets;
  offsets.reserve(rows + 1);
  offsets.push_back(0);
  std::string bytes;
  for (std::size_t row = 0; row < rows; ++row) {
    if (cells.isMissing(row)) validity.setMissing(row, rows);
    else bytes.append(cells.values[row]);
    offsets.push_back(bytes.size());
  }
  return Column::text(std::move(name), std::move(offsets), std::move(bytes), std::move(validity));
}

ColumnType stringType(const Cells& cells) {
  std::unordered_map<std::string_view, char> distinct;
  std::size_t present = 0;
  for (std::size_t row = 0; row < cells.values.size(); ++row) {
    if (cells.isMissing(row)) continue;
    ++present;
    distinct.try_emplace(cells.values[row], 0);
    if (distinct.size() > cells.options.categoricalMaxLevels) return ColumnType::Text;
  }
  if (present == 0) return ColumnType::Float64;  // all missing: a numeric column of NaN, as pandas reads it
  return static_cast<double>(distinct.size()) <= cells.options.categoricalMaxRatio * static_cast<double>(present)
             ? ColumnType::Categorical
             : ColumnType::Text;
}

}  // namespace

ColumnType inferTextColumnType(std::span<const std::string_view> values, std::span<const std::uint8_t> missing,
                               const InferenceOptions& options) {
  const Cells cells{values, missing, options};
  bool b = false;
  std::int64_t i = 0;
  double d = 0;
  if (cells.all([&](std::string_view v) { return parseBool(v, b); })) return ColumnType::Bool;
  if (cells.all([&](std::string_view v) { return parseInt64(v, i); })) return ColumnType::Int64;
  if (cells.all([&](std::string_view v) { return parseFloat64(v, d, options.decimal); })) return ColumnType::Float64;
  if (datetimeOrder(cells)) return ColumnType::Datetime;
  return stringType(cells);
}

std::shared_ptr<const Column> buildColumnFromText(std::string name, std::span<const std::string_view> values,
                                                  std::span<const std::uint8_t> missing,
                                                  const InferenceOptions& options,
                                                  std::optional<ColumnType> forced) {
  const Cells cells{values, missing, options};
  const ColumnType type = forced.value_or(inferTextColumnType(values, missing, options));
  switch (type) {
    case ColumnType::Bool:
      return buildTyped<std::uint8_t>(std::move(name), cells, type, 0, [](std::string_view v, std::uint8_t& out) {
        bool b = false;
        if (!parseBool(v, b)) return false;
        out = b;
        return true;
      });
    case ColumnType::Int64:
      return buildTyped<std::int64_t>(std::move(name), cells, type, 0, parseInt64);
    case ColumnType::Float64:
      return buildTyped<double>(std::move(name), cells, type, std::numeric_limits<double>::quiet_NaN(),
                                [&](std::string_view v, double& out) { return parseFloat64(v, out, options.decimal); });
    case ColumnType::Datetime: {
      const DateOrder order = datetimeOrder(cells).value_or(DateOrder::MonthFirst);
      return buildTyped<std::int64_t>(std::move(name), cells, type, 0, [order](std::string_view v, std::int64_t& out) {
        return parseDatetime(v, out, order);
      });
    }
    case ColumnType::Categorical:
    case ColumnType::Text: return buildStrings(std::move(name), cells, type);
  }
  throw Error(ErrorCode::Internal, "unknown column type");
}

}  // namespace lathe::data
