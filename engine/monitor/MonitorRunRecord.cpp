#include "engine/monitor/MonitorRunRecord.h"

namespace lathe::monitor {
namespace {

template <typename T>
void readOptional(const nlohmann::json& in, const char* key, std::optional<T>& out) {
  const auto it = in.find(key);
  if (it == in.end() || !it->is_object()) {
    out.reset();
    return;
  }
  out = it->get<T>();
}

}  // namespace

void to_json(nlohmann::json& out, const MonitorRunRecord& run) {
  out = {{"id", run.id},
         {"schedule", run.scheduleId},
         {"at", run.at},
         {"batch_start", run.batchStart},
         {"batch_end", run.batchEnd},
         {"source", run.source},
         {"rows", run.data.rows},
         {"features", run.data.features},
         {"violations", run.data.violations},
         {"alerts", run.alerts}};
  out["prediction"] = run.prediction ? nlohmann::json(*run.prediction) : nlohmann::json(nullptr);
  out["quality"] = run.quality ? nlohmann::json(*run.quality) : nlohmann::json(nullptr);
  out["bias"] = run.bias ? nlohmann::json(*run.bias) : nlohmann::json(nullptr);
  out["attribution"] = run.attribution ? nlohmann::json(*run.attribution) : nlohmann::json(nullptr);
}

void from_json(const nlohmann::json& in, MonitorRunRecord& run) {
  run.id = in.value("id", std::int64_t{0});
  run.scheduleId = in.value("schedule", std::int64_t{0});
  run.at = in.value("at", std::string());
  run.batchStart = in.value("batch_start", std::string());
  run.batchEnd = in.value("batch_end", std::string());
  run.source = in.value("source", std::string());
  run.data = DriftReport{};
  from_json(in, run.data);  // rows, features, violations sit at the top level
  readOptional(in, "prediction", run.prediction);
  readOptional(in, "quality", run.quality);
  readOptional(in, "bias", run.bias);
  readOptional(in, "attribution", run.attribution);
  run.alerts.clear();
  if (const auto it = in.find("alerts"); it != in.end() && it->is_array())
    for (const auto& a : *it) run.alerts.push_back(a.get<MonitorAlert>());
}

}  // namespace lathe::monitor
