#include "engine/wrangle/StepSupport.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <set>

#include "engine/core/Error.h"
#include "engine/jobs/JobContext.h"

namespace lathe::wrangle {

using data::Column;
using nlohmann::json;

void badParameter(const std::string& step, const std::string& key, const std::string& problem) {
  throw Error(ErrorCode::Parse, step + ": parameter '" + key + "' " + problem, {}, key);
}

void requireObject(const nlohmann::json& parameters, const std::string& step) {
  if (!parameters.is_object() && !parameters.is_null())
    throw Error(ErrorCode::Parse, step + ": parameters must be a JSON object, not " +
                                      std::string(parameters.type_name()));
}

std::string stringParameter(const nlohmann::json& parameters, const std::string& key, const std::string& step) {
  requireObject(parameters, step);
  if (!parameters.is_object() || !parameters.contains(key)) badParameter(step, key, "is missing");
  const auto& value = parameters.at(key);
  if (!value.is_string()) badParameter(step, key, "must be a string");
  auto text = value.get<std::string>();
  if (text.empty()) badParameter(step, key, "must not be empty");
  return text;
}

std::vector<std::string> namesParameter(const nlohmann::json& parameters, const std::string& key,
                                        const std::string& step, bool allowEmpty) {
  requireObject(parameters, step);
  if (!parameters.is_object() || !parameters.contains(key)) {
    if (allowEmpty) return {};
    badParameter(step, key, "is missing");
  }
  const auto& value = parameters.at(key);
  if (!value.is_array()) badParameter(step, key, "must be a list of column names");
  std::vector<std::string> names;
  std::set<std::string> seen;
  for (const auto& item : value) {
    if (!item.is_string() || item.get_ref<const std::string&>().empty())
      badParameter(step, key, "must hold non-empty column names");
    if (!seen.insert(item.get<std::string>()).second)
      badParameter(step, key, "names column '" + item.get<std::string>() + "' twice");
    names.push_back(item.get<std::string>());
  }
  if (names.empty() && !allowEmpty) badParameter(step, key, "must name at least one column");
  return names;
}

bool boolParameter(const nlohmann::json& parameters, const std::string& key, const std::string& step,
                   bool fallback) {
  requireObject(parameters, step);
  if (!parameters.is_object() || !parameters.contains(key)) return fallback;
  if (!parameters.at(key).is_boolean()) badParameter(step, key, "must be true or false");
  return parameters.at(key).get<bool>();
}

double numberParameter(const nlohmann::json& parameters, const std::string& key, const std::string& step) {
  requireObject(parameters, step);
  if (!parameters.is_object() || !parameters.contains(key)) badParameter(step, key, "is missing");
  if (!parameters.at(key).is_number()) badParameter(step, key, "must be a number");
  const double value = parameters.at(key).get<double>();
  if (!std::isfinite(value)) badParameter(step, key, "must be finite");
  return value;
}

std::uint64_t seedParameter(const nlohmann::json& parameters, const std::string& step) {
  requireObject(parameters, step);
  if (!parameters.is_object() || !parameters.contains("seed")) return 0;
  const auto& seed = parameters.at("seed");
  if (seed.is_number_unsigned()) return seed.get<std::uint64_t>();
  if (seed.is_number_integer() && seed.get<std::int64_t>() >= 0) return static_cast<std::uint64_t>(seed.get<std::int64_t>());
  badParameter(step, "seed", "must be a non-negative integer");
}

namespace {

// The parameter `key`, or none when absent or null.
const json* field(const json& parameters, const std::string& step, const std::string& key) {
  if (parameters.is_null()) return nullptr;
  requireObject(parameters, step);
  const auto it = parameters.find(key);
  return it == parameters.end() || it->is_null() ? nullptr : &*it;
}

}  // namespace

std::vector<std::string> readColumnList(const json& parameters, const std::string& step, const std::string& key) {
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

std::string readText(const json& parameters, const std::string& step, const std::string& key,
                     const std::string& fallback) {
  const json* value = field(parameters, step, key);
  if (!value) return fallback;
  if (!value->is_string()) badParameter(step, key, "must be a string");
  return value->get<std::string>();
}

std::string readChoice(const json& parameters, const std::string& step, const std::string& key,
                       std::initializer_list<const char*> choices) {
  const std::string chosen = readText(parameters, step, key, *choices.begin());
  std::string list;
  for (const char* choice : choices) {
    if (chosen == choice) return chosen;
    list += (list.empty() ? "" : ", ") + std::string(choice);
  }
  badParameter(step, key, "must be one of " + list + ", not '" + chosen + "'");
}

double readNumber(const json& parameters, const std::string& step, const std::string& key, double fallback,
                  double min, double max) {
  const json* value = field(parameters, step, key);
  if (!value) return fallback;
  if (!value->is_number()) badParameter(step, key, "must be a number");
  const double number = value->get<double>();
  if (!(number >= min && number <= max))
    badParameter(step, key, "must be between " + json(min).dump() + " and " + json(max).dump());
  return number;
}

std::int64_t readInteger(const json& parameters, const std::string& step, const std::string& key,
                         std::int64_t fallback, std::int64_t min, std::int64_t max) {
  const json* value = field(parameters, step, key);
  if (!value) return fallback;
  if (!value->is_number_integer()) badParameter(step, key, "must be a whole number");
  const std::int64_t number = value->get<std::int64_t>();
  if (number < min || number > max)
    badParameter(step, key, "must be between " + std::to_string(min) + " and " + std::to_string(max));
  return number;
}

bool readFlag(const json& parameters, const std::string& step, const std::string& key, bool fallback) {
  const json* value = field(parameters, step, key);
  if (!value) return fallback;
  if (!value->is_boolean()) badParameter(step, key, "must be true or false");
  return value->get<bool>();
}

void requireStateObject(const json& value, const std::string& step, const std::string& what) {
  if (!value.is_object()) throw Error(ErrorCode::Parse, step + ": " + what + " must be a JSON object");
}

const json& stateField(const json& state, const std::string& step, const std::string& key) {
  requireStateObject(state, step, "the fitted state");
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
  if (!index) throw Error(ErrorCode::InvalidArgument, step + ": the table has no column '" + name + "'", {}, name);
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

data::Table replaceColumn(const data::Table& table, std::size_t index,
                          std::vector<std::shared_ptr<const Column>> with) {
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

void throwIfStopped(const jobs::JobContext* context) {
  if (context) context->throwIfStopped();
}

void reportProgress(const jobs::JobContext* context, double fraction, const char* message) {
  if (context) context->progress(fraction, message);
}

}  // namespace lathe::wrangle
