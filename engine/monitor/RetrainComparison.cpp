#include "engine/monitor/RetrainComparison.h"

#include <cmath>

namespace lathe::monitor {
namespace {

nlohmann::json metricsJson(const std::map<std::string, double>& metrics) {
  nlohmann::json out = nlohmann::json::object();
  for (const auto& [name, value] : metrics)
    if (std::isfinite(value)) out[name] = value;
  return out;
}

std::map<std::string, double> readMetrics(const nlohmann::json& in, const char* key) {
  std::map<std::string, double> out;
  if (const auto it = in.find(key); it != in.end() && it->is_object())
    for (const auto& [name, value] : it->items())
      if (value.is_number()) out[name] = value.get<double>();
  return out;
}

}  // namespace

void to_json(nlohmann::json& out, const RetrainComparison& c) {
  out = {{"id", c.id},
         {"run", c.runId},
         {"live_version", c.liveVersion},
         {"candidate_version", c.candidateVersion},
         {"mode", c.mode},
         {"data", c.data},
         {"training_rows", c.trainingRows},
         {"holdout_rows", c.holdoutRows},
         {"live", metricsJson(c.live)},
         {"candidate", metricsJson(c.candidate)},
         {"kpi", c.kpiMetric},
         {"kpi_higher_is_better", c.kpiHigherIsBetter},
         {"candidate_is_better", c.candidateIsBetter},
         {"decision", c.decision},
         {"at", c.at}};
}

void from_json(const nlohmann::json& in, RetrainComparison& c) {
  c.id = in.value("id", std::int64_t{0});
  c.runId = in.value("run", std::int64_t{0});
  c.liveVersion = in.value("live_version", std::string());
  c.candidateVersion = in.value("candidate_version", std::string());
  c.mode = in.value("mode", std::string());
  c.data = in.value("data", std::string());
  c.trainingRows = in.value("training_rows", std::uint64_t{0});
  c.holdoutRows = in.value("holdout_rows", std::uint64_t{0});
  c.live = readMetrics(in, "live");
  c.candidate = readMetrics(in, "candidate");
  c.kpiMetric = in.value("kpi", std::string());
  c.kpiHigherIsBetter = in.value("kpi_higher_is_better", true);
  c.candidateIsBetter = in.value("candidate_is_better", false);
  c.decision = in.value("decision", std::string());
  c.at = in.value("at", std::string());
}

}  // namespace lathe::monitor
