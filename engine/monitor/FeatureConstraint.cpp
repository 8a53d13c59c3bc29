#include "engine/monitor/FeatureConstraint.h"

#include <cmath>
#include <cstdio>
#include <string>
#include <utility>

#include "engine/core/Error.h"

namespace lathe::monitor {
namespace {

using nlohmann::json;

[[noreturn]] void malformed(const std::string& name, const std::string& what) {
  throw Error(ErrorCode::Parse, "constraint of '" + name + "': " + what);
}

[[noreturn]] void outOfRange(const std::string& name, const std::string& what, double value) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%g", value);
  throw Error(ErrorCode::InvalidArgument, "constraint of '" + name + "': " + what + ", not " + buffer, {}, buffer);
}

json optionalJson(const std::optional<double>& value) {
  return value && std::isfinite(*value) ? json(*value) : json(nullptr);
}

// Absent or null: no limit.
std::optional<double> optionalAt(const json& in, const char* key, const std::string& name) {
  if (!in.contains(key) || in.at(key).is_null()) return std::nullopt;
  if (!in.at(key).is_number()) malformed(name, std::string("'") + key + "' must be a number or null");
  return in.at(key).get<double>();
}

double numberAt(const json& in, const char* key, double fallback, const std::string& name) {
  if (!in.contains(key)) return fallback;
  if (!in.at(key).is_number()) malformed(name, std::string("'") + key + "' must be a number");
  return in.at(key).get<double>();
}

}  // namespace

void to_json(json& out, const FeatureConstraint& constraint) {
  out = json{{"name", constraint.name},
             {"type", constraint.type},
             {"max_missing_share", optionalJson(constraint.maxMissingShare)},
             {"min", optionalJson(constraint.min)},
             {"max", optionalJson(constraint.max)},
             {"allowed_categories", nullptr},
             {"check_distribution", constraint.checkDistribution},
             {"psi_threshold", constraint.psiThreshold},
             {"psi_floor", constraint.psiFloor},
             {"alpha", constraint.alpha}};
  if (constraint.allowedCategories) out["allowed_categories"] = *constraint.allowedCategories;
}

void from_json(const json& in, FeatureConstraint& constraint) {
  if (!in.is_object()) throw Error(ErrorCode::Parse, "constraint: must be a JSON object");
  FeatureConstraint c;
  if (!in.contains("name") || !in.at("name").is_string())
    throw Error(ErrorCode::Parse, "constraint: 'name' must be a string");
  c.name = in.at("name").get<std::string>();
  if (in.contains("type") && !in.at("type").is_null()) {
    if (!in.at("type").is_string()) malformed(c.name, "'type' must be a string");
    c.type = in.at("type").get<std::string>();
  }
  c.maxMissingShare = optionalAt(in, "max_missing_share", c.name);
  c.min = optionalAt(in, "min", c.name);
  c.max = optionalAt(in, "max", c.name);
  if (in.contains("allowed_categories") && !in.at("allowed_categories").is_null()) {
    const json& array = in.at("allowed_categories");
    if (!array.is_array()) malformed(c.name, "'allowed_categories' must be an array of strings or null");
    std::vector<std::string> allowed;
    for (const json& v : array) {
      if (!v.is_string()) malformed(c.name, "'allowed_categories' must hold strings only");
      allowed.push_back(v.get<std::string>());
    }
    c.allowedCategories = std::move(allowed);
  }
  if (in.contains("check_distribution")) {
    if (!in.at("check_distribution").is_boolean()) malformed(c.name, "'check_distribution' must be true or false");
    c.checkDistribution = in.at("check_distribution").get<bool>();
  }
  c.psiThreshold = numberAt(in, "psi_threshold", c.psiThreshold, c.name);
  c.psiFloor = numberAt(in, "psi_floor", c.psiFloor, c.name);
  c.alpha = numberAt(in, "alpha", c.alpha, c.name);

  if (c.maxMissingShare && !(*c.maxMissingShare >= 0.0 && *c.maxMissingShare <= 1.0))
    outOfRange(c.name, "'max_missing_share' must be between 0 and 1", *c.maxMissingShare);
  if (c.min && c.max && *c.min > *c.max) outOfRange(c.name, "'min' must not be above 'max'", *c.min);
  if (!(c.psiThreshold >= 0.0)) outOfRange(c.name, "'psi_threshold' must be at least 0", c.psiThreshold);
  if (!(c.psiFloor >= 0.0)) outOfRange(c.name, "'psi_floor' must be at least 0", c.psiFloor);
  if (!(c.alpha >= 0.0 && c.alpha <= 1.0)) outOfRange(c.name, "'alpha' must be between 0 and 1", c.alpha);
  constraint = std::move(c);
}

}  // namespace lathe::monitor
