#include "engine/monitor/ModelQuality.h"

#include "engine/monitor/MonitorJson.h"

namespace lathe::monitor {

bool ModelQuality::missesTarget() const {
  if (!kpiValue || !kpiTarget) return false;
  return kpiHigherIsBetter ? *kpiValue < *kpiTarget : *kpiValue > *kpiTarget;
}

void to_json(nlohmann::json& out, const ModelQuality& quality) {
  nlohmann::json metrics = nlohmann::json::object();
  for (const auto& [name, value] : quality.metrics) metrics[name] = optionalNumber(value);
  out = {{"labelled_rows", quality.labelledRows},
         {"metrics", metrics},
         {"kpi", quality.kpiMetric},
         {"kpi_value", optionalNumber(quality.kpiValue)},
         {"kpi_target", optionalNumber(quality.kpiTarget)},
         {"kpi_higher_is_better", quality.kpiHigherIsBetter},
         {"baseline_kpi", optionalNumber(quality.baselineKpi)},
         {"misses_target", quality.missesTarget()}};
}

void from_json(const nlohmann::json& in, ModelQuality& quality) {
  quality.labelledRows = in.value("labelled_rows", std::uint64_t{0});
  quality.metrics.clear();
  if (const auto it = in.find("metrics"); it != in.end() && it->is_object())
    for (const auto& [name, value] : it->items())
      if (value.is_number()) quality.metrics[name] = value.get<double>();
  quality.kpiMetric = in.value("kpi", std::string());
  quality.kpiValue = readOptionalNumber(in, "kpi_value");
  quality.kpiTarget = readOptionalNumber(in, "kpi_target");
  quality.kpiHigherIsBetter = in.value("kpi_higher_is_better", true);
  quality.baselineKpi = readOptionalNumber(in, "baseline_kpi");
}

}  // namespace lathe::monitor
