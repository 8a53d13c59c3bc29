#pragma once
#include <cstdint>
#include <limits>
#include <map>
#include <string>

namespace lathe::deploy {

// What one variant has done while the canary was judged (the server's window: since the last
// step, or since the release began). p99 latency is NaN while unknown; `metrics` holds any named
// live statistic (e.g. "positive_rate") a CanaryMetricRule may name.
struct CanaryStats {
  std::uint64_t requests = 0;
  std::uint64_t errors = 0;
  double p99LatencyMs = std::numeric_limits<double>::quiet_NaN();
  std::map<std::string, double> metrics;
};

}  // namespace lathe::deploy
