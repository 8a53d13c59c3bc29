#include "engine/serve/LatencyHistogram.h"

#include <algorithm>
#include <cmath>

namespace lathe::serve {

void LatencyHistogram::record(std::chrono::nanoseconds latency) noexcept {
  const double micros = std::max(1.0, static_cast<double>(latency.count()) / 1000.0);
  const auto bucket = static_cast<std::size_t>(std::log2(micros) * kBucketsPerDoubling);
  buckets_[std::min(bucket, kBuckets - 1)].fetch_add(1, std::memory_order_relaxed);
  count_.fetch_add(1, std::memory_order_relaxed);
  totalNanos_.fetch_add(static_cast<std::uint64_t>(std::max<std::int64_t>(0, latency.count())), std::memory_order_relaxed);
}

double LatencyHistogram::percentileMs(double quantile) const noexcept {
  // The buckets are read one by one while others record: the total is their own sum, so the
  // answer is consistent with what was read even if it misses a request or two.
  std::array<std::uint64_t, kBuckets> counts{};
  std::uint64_t total = 0;
  for (std::size_t i = 0; i < kBuckets; ++i) total += counts[i] = buckets_[i].load(std::memory_order_relaxed);
  if (total == 0) return 0.0;
  const double rank = std::clamp(quantile, 0.0, 1.0) * static_cast<double>(total);
  std::uint64_t seen = 0;
  std::size_t bucket = kBuckets - 1;
  for (std::size_t i = 0; i < kBuckets; ++i) {
    seen += counts[i];
    if (counts[i] > 0 && static_cast<double>(seen) >= rank) {
      bucket = i;
      break;
    }
  }
  // The bucket's geometric middle, in milliseconds.
  return std::exp2((static_cast<double>(bucket) + 0.5) / kBucketsPerDoubling) / 1000.0;
}

double LatencyHistogram::meanMs() const noexcept {
  const std::uint64_t n = count();
  return n == 0 ? 0.0 : static_cast<double>(totalNanos_.load(std::memory_order_relaxed)) / static_cast<double>(n) / 1e6;
}

}  // namespace lathe::serve
