#pragma once
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>

namespace lathe::deploy {

// One answered request as the request log keeps it: a row of request_log.
struct RequestRecord {
  std::int64_t endpointId = 0;  // endpoint.id
  std::string variant;
  std::chrono::system_clock::time_point at;
  int status = 0;
  double latencyMs = 0.0;
  std::int64_t rows = 0;
  std::optional<std::string> input;   // JSON, for sampled requests only
  std::optional<std::string> output;  // JSON: [{"key", "label" or "value", "p"}, ...]
};

}  // namespace lathe::deploy
