#pragma once
#include <array>
#include <atomic>
#include <chrono>
#include <cstdint>

namespace lathe::serve {

// Request latencies in logarithmic buckets (four per doubling, so a percentile is within ~9%
// of the truth) from 1 µs to ~4.5 minutes. Recording is a few relaxed atomic increments: no
// lock on the request path, whatever the number of threads.
class LatencyHistogram {
 public:
  static constexpr int kBucketsPerDoubling = 4;
  static constexpr std::size_t kBuckets = kBucketsPerDoubling * 28;

  void record(std::chrono::nanoseconds latency) noexcept;
  std::uint64_t count() const noexcept { return count_.load(std::memory_order_relaxed); }
  // Milliseconds; 0 when nothing was recorded. `quantile` in [0, 1] (0.5 = median).
  double percentileMs(double quantile) const noexcept;
  double meanMs() const noexcept;

 private:
  std::array<std::atomic<std::uint64_t>, kBuckets> buckets_{};
  std::atomic<std::uint64_t> count_{0};
  std::atomic<std::uint64_t> totalNanos_{0};
};

}  // namespace lathe::serve
