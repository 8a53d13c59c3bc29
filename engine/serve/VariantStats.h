#pragma once
#include <atomic>
#include <chrono>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>

#include <nlohmann/json.hpp>

#include "engine/deploy/ScoredRows.h"
#include "engine/serve/LatencyHistogram.h"

namespace lathe::serve {

// What one variant of an endpoint has answered since the server started: the figures the A/B
// view, the canary's rollback rule and `GET /v1/endpoints/NAME` read. Thread-safe and cheap:
// counters and the latency histogram are relaxed atomics; the prediction distribution takes a
// short lock once per request (not per row).
class VariantStats {
 public:
  struct Snapshot {
    std::uint64_t requests = 0;
    std::uint64_t rows = 0;
    std::uint64_t errors = 0;  // requests this variant failed to score (4xx/5xx from the model)
    double latencyP50Ms = 0.0;
    double latencyP99Ms = 0.0;
    double latencyMeanMs = 0.0;
    // Classification: how many rows got each label (rows without a prediction are not counted).
    std::map<std::string, std::uint64_t> classCounts;
    // Regression: the predicted values' count, mean, min and max (0 when none).
    std::uint64_t valueCount = 0;
    double valueMean = 0.0;
    double valueMin = 0.0;
    double valueMax = 0.0;

    double errorRate() const noexcept { return requests == 0 ? 0.0 : static_cast<double>(errors) / static_cast<double>(requests); }
    // {"requests", "rows", "errors", "latency_ms": {"p50", "p99", "mean"}, and "predictions":
    // {"label": count, ...} or {"count", "mean", "min", "max"}}.
    nlohmann::json toJson() const;
  };

  void recordRequest(std::size_t rows, std::chrono::nanoseconds latency, bool error) noexcept;
  void recordPredictions(const deploy::ScoredRows& scored);
  Snapshot snapshot() const;

 private:
  std::atomic<std::uint64_t> requests_{0};
  std::atomic<std::uint64_t> rows_{0};
  std::atomic<std::uint64_t> errors_{0};
  LatencyHistogram latency_;

  mutable std::mutex mutex_;  // guards the distribution below
  std::map<std::string, std::uint64_t> classCounts_;
  std::uint64_t valueCount_ = 0;
  double valueSum_ = 0.0;
  double valueMin_ = 0.0;
  double valueMax_ = 0.0;
};

}  // namespace lathe::serve
