#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "engine/monitor/AttributionDrift.h"
#include "engine/monitor/BiasReport.h"
#include "engine/monitor/DriftReport.h"
#include "engine/monitor/FeatureDrift.h"
#include "engine/monitor/ModelQuality.h"
#include "engine/monitor/MonitorAlert.h"

namespace lathe::monitor {

// One monitoring run as the project keeps it: which batch, what it found, and what alerted.
struct MonitorRunRecord {
  std::int64_t id = 0;
  std::int64_t scheduleId = 0;  // 0: a run by hand
  std::string at;               // ISO 8601 UTC
  std::string batchStart;       // the batch's time window, when it has one (request log, month)
  std::string batchEnd;
  std::string source;           // in the user's words: "flights-feb.csv", "endpoint churn, last 24 h"
  DriftReport data;
  std::optional<FeatureDrift> prediction;
  std::optional<ModelQuality> quality;
  std::optional<BiasReport> bias;
  std::optional<AttributionDrift> attribution;
  std::vector<MonitorAlert> alerts;
};

void to_json(nlohmann::json& out, const MonitorRunRecord& run);
void from_json(const nlohmann::json& in, MonitorRunRecord& run);

}  // namespace lathe::monitor
