#include "engine/wrangle/StepSupport.h"

#include <cmath>
#include <set>

#include "engine/core/Error.h"
#include "engine/jobs/JobContext.h"

namespace lathe::wrangle {

void badParameter(const std::string& kind, const std::string& key, const std::string& problem) {
  throw Error(ErrorCode::Parse, kind + ": parameter '" + key + "' " + problem, {}, key);
}

void requireObject(const nlohmann::json& parameters, const std::string& kind) {
  if (!parameters.is_object() && !parameters.is_null())
    throw Error(ErrorCode::Parse, kind + ": parameters must be a JSON object, not " +
                                      std::string(parameters.type_name()));
}

std::string stringParameter(const nlohmann::json& parameters, const std::string& key, const std::string& kind) {
  requireObject(parameters, kind);
  if (!parameters.is_object() || !parameters.contains(key)) badParameter(kind, key, "is missing");
  const auto& value = parameters.at(key);
  if (!value.is_string()) badParameter(kind, key, "must be a string");
  auto text = value.get<std::string>();
  if (text.empty()) badParameter(kind, key, "must not be empty");
  return text;
}

std::vector<std::string> namesParameter(const nlohmann::json& parameters, const std::string& key,
                                        const std::string& kind, bool allowEmpty) {
  requireObject(parameters, kind);
  if (!parameters.is_object() || !parameters.contains(key)) {
    if (allowEmpty) return {};
    badParameter(kind, key, "is missing");
  }
  const auto& value = parameters.at(key);
  if (!value.is_array()) badParameter(kind, key, "must be a list of column names");
  std::vector<std::string> names;
  std::set<std::string> seen;
  for (const auto& item : value) {
    if (!item.is_string() || item.get_ref<const std::string&>().empty())
      badParameter(kind, key, "must hold non-empty column names");
    if (!seen.insert(item.get<std::string>()).second)
      badParameter(kind, key, "names column '" + item.get<std::string>() + "' twice");
    names.push_back(item.get<std::string>());
  }
  if (names.empty() && !allowEmpty) badParameter(kind, key, "must name at least one column");
  return names;
}

bool boolParameter(const nlohmann::json& parameters, const std::string& key, const std::string& kind,
                   bool fallback) {
  requireObject(parameters, kind);
  if (!parameters.is_object() || !parameters.contains(key)) return fallback;
  if (!parameters.at(key).is_boolean()) badParameter(kind, key, "must be true or false");
  return parameters.at(key).get<bool>();
}

double numberParameter(const nlohmann::json& parameters, const std::string& key, const std::string& kind) {
  requireObject(parameters, kind);
  if (!parameters.is_object() || !parameters.contains(key)) badParameter(kind, key, "is missing");
  if (!parameters.at(key).is_number()) badParameter(kind, key, "must be a number");
  const double value = parameters.at(key).get<double>();
  if (!std::isfinite(value)) badParameter(kind, key, "must be finite");
  return value;
}

std::uint64_t seedParameter(const nlohmann::json& parameters, const std::string& kind) {
  requireObject(parameters, kind);
  if (!parameters.is_object() || !parameters.contains("seed")) return 0;
  const auto& seed = parameters.at("seed");
  if (seed.is_number_unsigned()) return seed.get<std::uint64_t>();
  if (seed.is_number_integer() && seed.get<std::int64_t>() >= 0) return static_cast<std::uint64_t>(seed.get<std::int64_t>());
  badParameter(kind, "seed", "must be a non-negative integer");
}

std::size_t requireColumn(const data::Table& table, const std::string& name, const std::string& kind) {
  if (const auto index = table.indexOf(name)) return *index;
  throw Error(ErrorCode::InvalidArgument, kind + ": the table has no column '" + name + "'", {}, name);
}

data::Table withColumn(const data::Table& table, std::size_t index, std::shared_ptr<const data::Column> column) {
  auto columns = table.columns();
  columns.at(index) = std::move(column);
  return data::Table(std::move(columns));
}

void throwIfStopped(const jobs::JobContext* context) {
  if (context) context->throwIfStopped();
}

void reportProgress(const jobs::JobContext* context, double fraction, const char* message) {
  if (context) context->progress(fraction, message);
}

}  // namespace lathe::wrangle
