#pragma once
#include <cstdint>
#include <string>
#include <vector>

namespace lathe::store {
class Database;
}

namespace lathe::deploy {

// What an endpoint's request log says of each variant: traffic, errors (status 500 and up: the
// server's fault, not the client's) and latency percentiles over the latest requests.
struct RequestLogSummary {
  std::string variant;
  std::int64_t requests = 0;
  std::int64_t rows = 0;
  std::int64_t errors = 0;
  double p50Milliseconds = 0.0;
  double p99Milliseconds = 0.0;

  // Per variant, by name; `since` (ISO 8601, "" for all) limits it to requests at or after it.
  // Percentiles come from the latest 100,000 requests of a variant, so a long log stays quick.
  static std::vector<RequestLogSummary> of(store::Database& db, std::int64_t endpointId, const std::string& since = "");
};

}  // namespace lathe::deploy
