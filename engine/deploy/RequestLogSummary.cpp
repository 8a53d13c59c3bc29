#include "engine/deploy/RequestLogSummary.h"

#include <algorithm>
#include <cmath>

#include "engine/store/Database.h"
#include "engine/store/Statement.h"

namespace lathe::deploy {
namespace {

constexpr int kLatencySample = 100000;

double percentile(std::vector<double>& values, double q) {
  if (values.empty()) return 0.0;
  const auto rank = static_cast<std::size_t>(std::ceil(q * static_cast<double>(values.size()))) - 1;
  const auto at = values.begin() + static_cast<std::ptrdiff_t>(std::min(rank, values.size() - 1));
  std::nth_element(values.begin(), at, values.end());
  return *at;
}

}  // namespace

std::vector<RequestLogSummary> RequestLogSummary::of(store::Database& db, std::int64_t endpointId, const std::string& since) {
  std::vector<RequestLogSummary> out;
  store::Statement totals = db.prepare(
      "SELECT variant, COUNT(*), COALESCE(SUM(rows), 0), COALESCE(SUM(status >= 500), 0) FROM request_log "
      "WHERE endpoint_id = ?1 AND at >= ?2 GROUP BY variant ORDER BY variant");
  totals.bind(1, endpointId).bind(2, since);
  while (totals.step()) out.push_back({totals.text(0), totals.int64(1), totals.int64(2), totals.int64(3), 0.0, 0.0});
  store::Statement latencies = db.prepare(
      "SELECT latency_ms FROM request_log WHERE endpoint_id = ?1 AND variant = ?2 AND at >= ?3 ORDER BY id DESC LIMIT ?4");
  for (auto& summary : out) {
    std::vector<double> values;
    latencies.bind(1, endpointId).bind(2, summary.variant).bind(3, since).bind(4, kLatencySample);
    while (latencies.step()) values.push_back(latencies.real(0));
    latencies.reset();
    summary.p50Milliseconds = percentile(values, 0.50);
    summary.p99Milliseconds = percentile(values, 0.99);
  }
  return out;
}

}  // namespace lathe::deploy
