#include "engine/serve/VariantStats.h"

#include <algorithm>
#include <cmath>
#include <vector>

namespace lathe::serve {

void VariantStats::recordRequest(std::size_t rows, std::chrono::nanoseconds latency, bool error) noexcept {
  requests_.fetch_add(1, std::memory_order_relaxed);
  rows_.fetch_add(rows, std::memory_order_relaxed);
  if (error) errors_.fetch_add(1, std::memory_order_relaxed);
  latency_.record(latency);
}

void VariantStats::recordPredictions(const deploy::ScoredRows& scored) {
  if (ml::isClassification(scored.task)) {
    // Counted per class index first, so the lock is taken once with a handful of additions.
    std::vector<std::uint64_t> counts(scored.classes.size(), 0);
    for (double p : scored.predicted)
      if (std::isfinite(p) && p >= 0 && static_cast<std::size_t>(p) < counts.size()) ++counts[static_cast<std::size_t>(p)];
    const std::lock_guard lock(mutex_);
    for (std::size_t k = 0; k < counts.size(); ++k)
      if (counts[k] > 0) classCounts_[scored.classes[k]] += counts[k];
    return;
  }
  std::uint64_t n = 0;
  double sum = 0.0, low = 0.0, high = 0.0;
  for (double v : scored.predicted) {
    if (!std::isfinite(v)) continue;
    low = n == 0 ? v : std::min(low, v);
    high = n == 0 ? v : std::max(high, v);
    sum += v;
    ++n;
  }
  if (n == 0) return;
  const std::lock_guard lock(mutex_);
  valueMin_ = valueCount_ == 0 ? low : std::min(valueMin_, low);
  valueMax_ = valueCount_ == 0 ? high : std::max(valueMax_, high);
  valueSum_ += sum;
  valueCount_ += n;
}

VariantStats::Snapshot VariantStats::snapshot() const {
  Snapshot s;
  s.requests = requests_.load(std::memory_order_relaxed);
  s.rows = rows_.load(std::memory_order_relaxed);
  s.errors = errors_.load(std::memory_order_relaxed);
  s.latencyP50Ms = latency_.percentileMs(0.5);
  s.latencyP99Ms = latency_.percentileMs(0.99);
  s.latencyMeanMs = latency_.meanMs();
  const std::lock_guard lock(mutex_);
  s.classCounts = classCounts_;
  s.valueCount = valueCount_;
  s.valueMean = valueCount_ == 0 ? 0.0 : valueSum_ / static_cast<double>(valueCount_);
  s.valueMin = valueMin_;
  s.valueMax = valueMax_;
  return s;
}

nlohmann::json VariantStats::Snapshot::toJson() const {
  nlohmann::json out = {{"requests", requests},
                        {"rows", rows},
                        {"errors", errors},
                        {"latency_ms", {{"p50", latencyP50Ms}, {"p99", latencyP99Ms}, {"mean", latencyMeanMs}}}};
  if (!classCounts.empty() || valueCount == 0) {
    out["predictions"] = nlohmann::json::object();
    for (const auto& [label, count] : classCounts) out["predictions"][label] = count;
  } else {
    out["predictions"] = {{"count", valueCount}, {"mean", valueMean}, {"min", valueMin}, {"max", valueMax}};
  }
  return out;
}

}  // namespace lathe::serve
