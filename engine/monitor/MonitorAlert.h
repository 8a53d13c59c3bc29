#pragma once
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

namespace lathe::monitor {

// A threshold crossed in a monitoring run. The GUI words it from the kind and subject.
struct MonitorAlert {
  enum class Kind { FeatureDrift, Violations, PredictionDrift, Quality, Bias, Attribution };
  Kind kind = Kind::FeatureDrift;
  std::string subject;  // the feature, metric or attribute
  std::optional<double> value;
  std::optional<double> threshold;
};

const char* monitorAlertKindName(MonitorAlert::Kind kind);  // feature_drift, violations, ...
void to_json(nlohmann::json& out, const MonitorAlert& alert);
void from_json(const nlohmann::json& in, MonitorAlert& alert);

}  // namespace lathe::monitor
