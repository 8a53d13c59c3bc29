#include "engine/monitor/AttributionDrift.h"

namespace lathe::monitor {

void to_json(nlohmann::json& out, const AttributionDrift& drift) {
  nlohmann::json features = nlohmann::json::array();
  for (const auto& f : drift.features)
    features.push_back({{"feature", f.feature}, {"baseline", f.baseline}, {"current", f.current}});
  out = {{"features", features}, {"ndcg", drift.ndcg}, {"threshold", drift.threshold}, {"drift", drift.drift}};
}

void from_json(const nlohmann::json& in, AttributionDrift& drift) {
  drift.features.clear();
  if (const auto it = in.find("features"); it != in.end() && it->is_array())
    for (const auto& f : *it)
      drift.features.push_back({f.value("feature", std::string()), f.value("baseline", 0.0), f.value("current", 0.0)});
  drift.ndcg = in.value("ndcg", 1.0);
  drift.threshold = in.value("threshold", 0.9);
  drift.drift = in.value("drift", false);
}

}  // namespace lathe::monitor
