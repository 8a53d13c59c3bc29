#include "engine/deploy/CanarySettings.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <iterator>
#include <string>

#include "engine/core/Error.h"

namespace lathe::deploy {
namespace {

std::string shown(double value) {
  if (std::isnan(value)) return "NaN";
  if (std::isinf(value)) return value > 0 ? "infinity" : "-infinity";
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%g", value);
  return buffer;
}

[[noreturn]] void outOfRange(const std::string& field, const std::string& rule, double value) {
  throw Error(ErrorCode::InvalidArgument, "canary settings: '" + field + "' " + rule + ", not " + shown(value), {},
              shown(value));
}

[[noreturn]] void malformed(const std::string& field, const std::string& what) {
  throw Error(ErrorCode::Parse, "canary settings: '" + field + "' " + what, {}, field);
}

// JSON has no NaN: a number is finite, and NaN only reaches validate() from code.
double numberAt(const nlohmann::json& json, const std::string& field) {
  const auto& value = json.at(field);
  if (!value.is_number()) malformed(field, "must be a number");
  return value.get<double>();
}

std::optional<double> limitAt(const nlohmann::json& json, const std::string& field, std::optional<double> fallback) {
  if (!json.contains(field)) return fallback;
  if (json.at(field).is_null()) return std::nullopt;
  return numberAt(json, field);
}

nlohmann::json limitJson(const std::optional<double>& limit) {
  return limit ? nlohmann::json(*limit) : nlohmann::json(nullptr);
}

}  // namespace

nlohmann::json CanarySettings::toJson() const {
  nlohmann::json out = {{"step", step},
                        {"interval_seconds", intervalSeconds},
                        {"max_share", maxShare},
                        {"max_error_rate", limitJson(maxErrorRate)},
                        {"max_p99_latency_ms", limitJson(maxP99LatencyMs)},
                        {"metric", nullptr},
                        {"min_requests", minRequests}};
  if (metricRule)
    out["metric"] = {{"name", metricRule->name},
                     {"threshold", metricRule->threshold},
                     {"direction", metricRule->direction == CanaryMetricRule::Direction::Above ? "above" : "below"}};
  return out;
}

CanarySettings CanarySettings::fromJson(const nlohmann::json& json) {
  if (!json.is_object()) malformed("(settings)", "must be a JSON object");
  // A misspelt field would silently leave its default: the user meant something else.
  static constexpr const char* known[] = {"step",           "interval_seconds", "max_share",   "max_error_rate",
                                          "max_p99_latency_ms", "metric",       "min_requests"};
  for (const auto& item : json.items()) {
    const std::string& key = item.key();  // not a structured binding: clang 14 cannot capture one
    if (std::ranges::find_if(known, [&](const char* k) { return key == k; }) == std::end(known))
      malformed(key, "is not a canary setting (they are step, interval_seconds, max_share, max_error_rate, "
                     "max_p99_latency_ms, metric, min_requests)");
  }
  CanarySettings s;
  if (json.contains("step")) s.step = numberAt(json, "step");
  if (json.contains("interval_seconds")) s.intervalSeconds = numberAt(json, "interval_seconds");
  if (json.contains("max_share")) s.maxShare = numberAt(json, "max_share");
  s.maxErrorRate = limitAt(json, "max_error_rate", s.maxErrorRate);
  s.maxP99LatencyMs = limitAt(json, "max_p99_latency_ms", s.maxP99LatencyMs);
  if (json.contains("min_requests")) {
    const auto& value = json.at("min_requests");
    if (value.is_number_float() || !value.is_number()) malformed("min_requests", "must be a whole number");
    if (value.is_number_integer() && value.get<std::int64_t>() < 0)
      outOfRange("min_requests", "must not be negative", value.get<double>());
    s.minRequests = value.get<std::uint64_t>();
  }
  if (json.contains("metric") && !json.at("metric").is_null()) {
    const auto& rule = json.at("metric");
    if (!rule.is_object()) malformed("metric", "must be an object {name, threshold, direction} or null");
    for (const auto& [key, value] : rule.items())
      if (key != "name" && key != "threshold" && key != "direction")
        malformed("metric." + key, "is not part of a metric rule (name, threshold, direction)");
    CanaryMetricRule r;
    if (!rule.contains("name") || !rule.at("name").is_string()) malformed("metric.name", "must be a string");
    r.name = rule.at("name").get<std::string>();
    if (!rule.contains("threshold")) malformed("metric.threshold", "is missing");
    if (!rule.at("threshold").is_number()) malformed("metric.threshold", "must be a number");
    r.threshold = rule.at("threshold").get<double>();
    const std::string direction = rule.value("direction", std::string("above"));
    if (direction == "below")
      r.direction = CanaryMetricRule::Direction::Below;
    else if (direction != "above")
      malformed("metric.direction", "must be \"above\" or \"below\", not \"" + direction + "\"");
    s.metricRule = r;
  }
  s.validate();
  return s;
}

void CanarySettings::validate() const {
  if (!(step > 0.0 && step <= 1.0)) outOfRange("step", "must be above 0 and at most 1", step);
  if (!(intervalSeconds >= 0.0 && std::isfinite(intervalSeconds)))
    outOfRange("interval_seconds", "must be 0 (steps by hand) or a finite number of seconds", intervalSeconds);
  if (!(maxShare > 0.0 && maxShare <= 1.0)) outOfRange("max_share", "must be above 0 and at most 1", maxShare);
  if (maxErrorRate && !(*maxErrorRate >= 0.0 && *maxErrorRate <= 1.0))
    outOfRange("max_error_rate", "must be between 0 and 1", *maxErrorRate);
  if (maxP99LatencyMs && !(*maxP99LatencyMs > 0.0 && std::isfinite(*maxP99LatencyMs)))
    outOfRange("max_p99_latency_ms", "must be a finite number of milliseconds above 0", *maxP99LatencyMs);
  if (metricRule) {
    if (metricRule->name.empty())
      throw Error(ErrorCode::InvalidArgument, "canary settings: 'metric.name' must name a live statistic");
    if (!std::isfinite(metricRule->threshold))
      outOfRange("metric.threshold", "must be a finite number", metricRule->threshold);
  }
}

}  // namespace lathe::deploy
