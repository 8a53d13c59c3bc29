#include "engine/monitor/MonitorAlert.h"

#include "engine/monitor/MonitorJson.h"

namespace lathe::monitor {
namespace {

constexpr MonitorAlert::Kind kKinds[] = {MonitorAlert::Kind::FeatureDrift, MonitorAlert::Kind::Violations,
                                         MonitorAlert::Kind::PredictionDrift, MonitorAlert::Kind::Quality,
                                         MonitorAlert::Kind::Bias, MonitorAlert::Kind::Attribution};

}  // namespace

const char* monitorAlertKindName(MonitorAlert::Kind kind) {
  switch (kind) {
    case MonitorAlert::Kind::FeatureDrift: return "feature_drift";
    case MonitorAlert::Kind::Violations: return "violations";
    case MonitorAlert::Kind::PredictionDrift: return "prediction_drift";
    case MonitorAlert::Kind::Quality: return "quality";
    case MonitorAlert::Kind::Bias: return "bias";
    case MonitorAlert::Kind::Attribution: return "attribution";
  }
  return "feature_drift";
}

void to_json(nlohmann::json& out, const MonitorAlert& alert) {
  out = {{"kind", monitorAlertKindName(alert.kind)},
         {"subject", alert.subject},
         {"value", optionalNumber(alert.value)},
         {"threshold", optionalNumber(alert.threshold)}};
}

void from_json(const nlohmann::json& in, MonitorAlert& alert) {
  const std::string kind = in.value("kind", std::string());
  alert.kind = MonitorAlert::Kind::FeatureDrift;
  for (const auto k : kKinds)
    if (kind == monitorAlertKindName(k)) alert.kind = k;
  alert.subject = in.value("subject", std::string());
  alert.value = readOptionalNumber(in, "value");
  alert.threshold = readOptionalNumber(in, "threshold");
}

}  // namespace lathe::monitor
