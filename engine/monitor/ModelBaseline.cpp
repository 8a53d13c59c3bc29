#include "engine/monitor/ModelBaseline.h"

#include <cmath>

namespace lathe::monitor {

void to_json(nlohmann::json& out, const ModelBaseline& b) {
  if (b.empty()) {
    out = nlohmann::json::object();
    return;
  }
  nlohmann::json importances = nlohmann::json::array();
  for (const auto& [feature, value] : b.importances) importances.push_back({{"feature", feature}, {"value", value}});
  nlohmann::json metrics = nlohmann::json::object();
  for (const auto& [name, value] : b.metrics)
    if (std::isfinite(value)) metrics[name] = value;
  out = {{"model", b.model}, {"target", b.target}, {"prediction", b.prediction}, {"importances", importances},
         {"metrics", metrics}};
  out["bias"] = b.bias ? nlohmann::json(*b.bias) : nlohmann::json(nullptr);
}

void from_json(const nlohmann::json& in, ModelBaseline& b) {
  b = ModelBaseline{};
  if (!in.is_object() || !in.contains("model")) return;
  b.model = in.value("model", std::string());
  b.target = in.value("target", std::string());
  if (const auto it = in.find("prediction"); it != in.end() && it->is_object()) b.prediction = it->get<FeatureBaseline>();
  if (const auto it = in.find("importances"); it != in.end() && it->is_array())
    for (const auto& i : *it) b.importances.emplace_back(i.value("feature", std::string()), i.value("value", 0.0));
  if (const auto it = in.find("metrics"); it != in.end() && it->is_object())
    for (const auto& [name, value] : it->items())
      if (value.is_number()) b.metrics[name] = value.get<double>();
  if (const auto it = in.find("bias"); it != in.end() && it->is_object()) b.bias = it->get<BiasReport>();
}

}  // namespace lathe::monitor
