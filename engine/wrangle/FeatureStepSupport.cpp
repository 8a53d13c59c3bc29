#include "engine/wrangle/FeatureStepSupport.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "engine/core/Error.h"

namespace lathe::wrangle::feature {
namespace {

using data::Column;
using data::ColumnType;
using nlohmann::json;

[[noreturn]] void badParameter(const std::string& step, const std::string& key, const std::string& why) {
  throw Error(ErrorCode::Parse, step + ": parameter '" + key + "' " + why, {}, key);
}

const json* field(const json& parameters, const std::string& step, const char* key) {
  if (parameters.is_null()) return nullptr;
  if (!parameters.is_object()) throw Error(ErrorCode::Parse, step + ": parameters must be a JSON object");
  const auto it = parameters.find(key);
  return it == parameters.end() || it->is_null() ? nullptr : &*it;
}

}  // namespace

std::vector<std::string> readColumnList(const json& parameters, const std::string& step, const char* key) {
  const json* value = field(parameters, step, key);
  if (!value) badParameter(step, key, "is required (a list of column names)");
  if (value->is_string()) return {value->get<std::string>()};
  if (!value->is_array() || value->empty()) badParameter(step, key, "must be a non-empty list of column names");
  std::vector<std::string> names;
  for (const json& name : *value) {
    if (!name.is_string()) badParameter(step, key, "must hold column names (strings)");
    names.push_back(name.get<std::string>());
  }
  return names;
}

std::string readText(const json& parameters, const std::string& step, const char* key, const std::string& fallback) {
  const json* value = field(parameters, step, key);
  if (!value) return fallback;
  if (!value->is_string()) badParameter(step, key, "must be a string");
  return value->get<std::string>();
}

std::string readChoice(const json& parameters, const std::string& step, const char* key,
                       std::initializer_list<const char*> choices) {
  const std::string chosen = readText(parameters, step, key, *choices.begin());
  std::string list;
  for (const char* choice : choices) {
    if (chosen == choice) return chosen;
    list += (list.empty() ? "" : ", ") + std::string(choice);
  }
  badParameter(step, key, "must be one of " + list + ", not '" + chosen + "'");
}

double readNumber(const json& parameters, const std::string& step, const char* key, double fallback, double min,
                  double max) {
  const json* value = field(parameters, step, key);
  if (!value) return fallback;
  if (!value->is_number()) badParameter(step, key, "must be a number");
  const double number = value->get<double>();
  if (!(number >= min && number <= max))
    badParameter(step, key, "must be between " + json(min).dump() + " and " + json(max).dump());
  return number;
}

std::int64_t readInteger(const json& parameters, const std::string& step, const char* key, std::int64_t fallback,
                         std::int64_t min, std::int64_t max) {
  const json* value = field(parameters, step, key);
  if (!value) return fallback;
  if (!value->is_number_integer()) badParameter(step, key, "must be a whole number");
  const std::int64_t number = value->get<std::int64_t>();
  if (number < min || number > max)
    badParameter(step, key, "must be between " + std::to_string(min) + " and " + std::to_string(max));
  return number;
}

bool readFlag(const json& parameters, const std::string& step, const char* key, bool fallback) {
  const json* value = field(parameters, step, key);
  if (!value) return fallback;
  if (!value->is_boolean()) badParameter(step, key, "must be true or false");
  return value->get<bool>();
}

void requireObject(const json& value, const std::string& step, const char* what) {
  if (!value.is_object()) throw Error(ErrorCode::Parse, step + ": " + what + " must be a JSON object");
}

const json& stateField(const json& state, const std::string& step, const std::string& key) {
  requireObject(state, step, "the fitted state");
  const auto it = state.find(key);
  if (it == state.end()) throw Error(ErrorCode::Parse, step + ": the fitted state has no '" + key + "'", {}, key);
  return *it;
}

std::vector<double> readNumbers(const json& array, const std::string& step, const std::string& what) {
  if (!array.is_array()) throw Error(ErrorCode::Parse, step + ": " + what + " must be a list of numbers");
  std::vector<double> out;
  out.reserve(array.size());
  for (const json& v : array) {
    if (v.is_number()) out.push_back(v.get<double>());
    else if (v.is_null()) out.push_back(std::numeric_limits<double>::quiet_NaN());  // JSON has no NaN
    else throw Error(ErrorCode::Parse, step + ": " + what + " must be a list of numbers");
  }
  return out;
}

std::vector<std::string> readStrings(const json& array, const std::string& step, const std::string& what) {
  if (!array.is_array()) throw Error(ErrorCode::Parse, step + ": " + what + " must be a list of strings");
  std::vector<std::string> out;
  out.reserve(array.size());
  for (const json& v : array) {
    if (!v.is_string()) throw Error(ErrorCode::Parse, step + ": " + what + " must be a list of strings");
    out.push_back(v.get<std::string>());
  }
  return out;
}

std::size_t requireColumnIndex(const data::Table& table, const std::string& name, const std::string& step) {
  const auto index = table.indexOf(name);
  if (!index) throw Error(ErrorCode::InvalidArgument, step + ": there is no column '" + name + "'", {}, name);
  return *index;
}

const Column& requireColumn(const data::Table& table, const std::string& name, const std::string& step) {
  return table.column(requireColumnIndex(table, name, step));
}

const Column& requireNumericColumn(const data::Table& table, const std::string& name, const std::string& step) {
  const Column& column = requireColumn(table, name, step);
  if (!column.isNumeric())
    throw Error(ErrorCode::InvalidArgument,
                step + ": column '" + name + "' is " + std::string(data::columnTypeName(column.type())) +
                    ", not a number column",
                {}, name);
  return column;
}

void throwNotFitted(const std::string& step, const std::string& column) {
  throw Error(ErrorCode::InvalidArgument, step + ": not fitted for column '" + column + "'; fit the recipe first", {},
              column);
}

std::vector<double> numericValues(const Column& column) {
  const std::size_t n = column.size();
  std::vector<double> out(n);
  if (column.type() == ColumnType::Float64) {
    const auto values = column.float64Values();
    std::copy(values.begin(), values.end(), out.begin());
    if (column.validity().hasMissing())
      for (std::size_t row = 0; row < n; ++row)
        if (!column.isValid(row)) out[row] = std::numeric_limits<double>::quiet_NaN();
    return out;
  }
  for (std::size_t row = 0; row < n; ++row) out[row] = column.numericAt(row);
  return out;
}

std::shared_ptr<const Column> float64Column(std::string name, std::vector<double> values) {
  data::Validity validity;
  for (std::size_t row = 0; row < values.size(); ++row)
    if (std::isnan(values[row])) validity.setMissing(row, values.size());
  return Column::float64(std::move(name), std::move(values), std::move(validity));
}

std::vector<double> sortedFinite(std::span<const double> values) {
  std::vector<double> out;
  out.reserve(values.size());
  for (double v : values)
    if (!std::isnan(v)) out.push_back(v);
  std::sort(out.begin(), out.end());
  return out;
}

double linearQuantile(std::span<const double> sorted, double q) {
  if (sorted.empty()) return std::numeric_limits<double>::quiet_NaN();
  const double position = q * static_cast<double>(sorted.size() - 1);
  const auto below = static_cast<std::size_t>(std::floor(position));
  const std::size_t above = std::min(below + 1, sorted.size() - 1);
  const double fraction = position - static_cast<double>(below);
  return sorted[below] + (sorted[above] - sorted[below]) * fraction;
}

data::Table replaceColumn(const data::Table& table, std::size_t index, std::vector<std::shared_ptr<const Column>> with) {
  std::vector<std::shared_ptr<const Column>> columns;
  columns.reserve(table.columnCount() + with.size());
  for (std::size_t i = 0; i < table.columnCount(); ++i) {
    if (i != index) {
      columns.push_back(table.columnPtr(i));
      continue;
    }
    for (auto& column : with) columns.push_back(std::move(column));
  }
  return data::Table(std::move(columns));
}

std::string uniqueName(const std::vector<std::shared_ptr<const Column>>& columns, const std::string& name,
                       const std::string& suffix) {
  auto taken = [&columns](const std::string& candidate) {
    return std::any_of(columns.begin(), columns.end(), [&](const auto& c) { return c->name() == candidate; });
  };
  if (!taken(name)) return name;
  std::string candidate = name + suffix;
  for (int n = 2; taken(candidate); ++n) candidate = name + suffix + std::to_string(n);
  return candidate;
}

std::shared_ptr<const Column> takeRows(const Column& column, std::span<const std::int64_t> rows,
                                       const std::string& name) {
  const std::size_t n = rows.size();
  data::Validity validity;
  auto valid = [&](std::size_t i) {
    const std::int64_t row = rows[i];
    if (row >= 0 && column.isValid(static_cast<std::size_t>(row))) return true;
    validity.setMissing(i, n);
    return false;
  };
  switch (column.type()) {
    case ColumnType::Float64: {
      const auto source = column.float64Values();
      std::vector<double> out(n, std::numeric_limits<double>::quiet_NaN());
      for (std::size_t i = 0; i < n; ++i)
        if (valid(i)) out[i] = source[static_cast<std::size_t>(rows[i])];
      return Column::float64(name, std::move(out), std::move(validity));
    }
    case ColumnType::Int64:
    case ColumnType::Datetime: {
      const auto source = column.int64Values();
      std::vector<std::int64_t> out(n, 0);
      for (std::size_t i = 0; i < n; ++i)
        if (valid(i)) out[i] = source[static_cast<std::size_t>(rows[i])];
      return column.type() == ColumnType::Int64 ? Column::int64(name, std::move(out), std::move(validity))
                                                : Column::datetime(name, std::move(out), std::move(validity));
    }
    case ColumnType::Bool: {
      const auto source = column.boolValues();
      std::vector<std::uint8_t> out(n, 0);
      for (std::size_t i = 0; i < n; ++i)
        if (valid(i)) out[i] = source[static_cast<std::size_t>(rows[i])];
      return Column::boolean(name, std::move(out), std::move(validity));
    }
    case ColumnType::Categorical: {
      const auto source = column.codes();
      std::vector<std::int32_t> out(n, -1);
      for (std::size_t i = 0; i < n; ++i)
        if (valid(i)) out[i] = source[static_cast<std::size_t>(rows[i])];
      return Column::categorical(name, std::move(out), column.levels(), std::move(validity));
    }
    case ColumnType::Text: {
      std::vector<std::uint64_t> offsets(n + 1, 0);
      std::string bytes;
      for (std::size_t i = 0; i < n; ++i) {
        if (valid(i)) bytes += column.textAt(static_cast<std::size_t>(rows[i]));
        offsets[i + 1] = bytes.size();
      }
      return Column::text(name, std::move(offsets), std::move(bytes), std::move(validity));
    }
  }
  throw Error(ErrorCode::Internal, "column '" + column.name() + "' has an unknown type");
}

}  // namespace lathe::wrangle::feature
