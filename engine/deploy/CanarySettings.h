#pragma once
#include <cstdint>
#include <optional>

#include <nlohmann/json.hpp>

#include "engine/deploy/CanaryMetricRule.h"

namespace lathe::deploy {

// How a canary release proceeds: its share grows by `step` every `intervalSeconds` (0: only when
// the user steps it) up to `maxShare` (1: promoted at the end), and it rolls back as soon as a
// limit is crossed, judged only once it has served `minRequests`. A limit left empty is not
// checked.
struct CanarySettings {
  double step = 0.1;
  double intervalSeconds = 0.0;
  double maxShare = 1.0;
  std::optional<double> maxErrorRate = 0.05;  // errors / requests
  std::optional<double> maxP99LatencyMs;
  std::optional<CanaryMetricRule> metricRule;
  std::uint64_t minRequests = 50;

  // {"step", "interval_seconds", "max_share", "max_error_rate", "max_p99_latency_ms",
  //  "metric": {"name", "threshold", "direction": "above"|"below"}, "min_requests"}; an unset
  // limit is null.
  nlohmann::json toJson() const;
  // Missing fields take their defaults (null clears a limit). Throws lathe::Error naming the
  // field: Parse for a wrong type or an unknown field, InvalidArgument for a value out of range.
  static CanarySettings fromJson(const nlohmann::json& json);
  // Throws lathe::Error(InvalidArgument) naming the first field out of range: step not in (0, 1],
  // a negative or non-finite interval, max share not in (0, 1], an error rate not in [0, 1], a
  // latency not above 0, a metric rule without a name or with a non-finite threshold.
  void validate() const;
};

}  // namespace lathe::deploy
