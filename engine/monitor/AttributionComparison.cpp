#include "engine/monitor/AttributionComparison.h"

#include <algorithm>
#include <cmath>
#include <map>

namespace lathe::monitor {

AttributionDrift AttributionComparison::compare(const std::vector<std::pair<std::string, double>>& baseline,
                                                const std::vector<std::pair<std::string, double>>& current,
                                                double threshold) {
  AttributionDrift out;
  out.threshold = threshold;
  std::map<std::string, double> now;
  for (const auto& [feature, value] : current) now[feature] = std::isfinite(value) ? value : 0.0;
  for (const auto& [feature, value] : baseline) {
    const auto it = now.find(feature);
    out.features.push_back({feature, std::isfinite(value) ? value : 0.0, it == now.end() ? 0.0 : it->second});
  }
  // Ties break by name, so the same importances always give the same NDCG.
  auto byBaseline = out.features;
  std::stable_sort(byBaseline.begin(), byBaseline.end(), [](const auto& a, const auto& b) {
    return a.baseline != b.baseline ? a.baseline > b.baseline : a.feature < b.feature;
  });
  auto byCurrent = out.features;
  std::stable_sort(byCurrent.begin(), byCurrent.end(), [](const auto& a, const auto& b) {
    return a.current != b.current ? a.current > b.current : a.feature < b.feature;
  });
  double ideal = 0.0;
  double actual = 0.0;
  for (std::size_t i = 0; i < byBaseline.size(); ++i) {
    const double discount = std::log2(double(i) + 2.0);
    ideal += std::max(0.0, byBaseline[i].baseline) / discount;
    actual += std::max(0.0, byCurrent[i].baseline) / discount;
  }
  out.ndcg = ideal > 0.0 ? std::clamp(actual / ideal, 0.0, 1.0) : 1.0;
  out.drift = out.ndcg < threshold;
  out.features = std::move(byBaseline);
  return out;
}

}  // namespace lathe::monitor
