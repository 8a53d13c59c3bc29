#include "engine/monitor/MonitorSchedule.h"

#include "engine/core/Error.h"
#include "engine/store/Timestamp.h"

namespace lathe::monitor {

const char* batchSourceName(BatchSource source) {
  switch (source) {
    case BatchSource::File: return "file";
    case BatchSource::Dataset: return "dataset";
    case BatchSource::RequestLog: return "request_log";
  }
  return "file";
}

BatchSource batchSourceFromName(const std::string& name) {
  for (const auto s : {BatchSource::File, BatchSource::Dataset, BatchSource::RequestLog})
    if (name == batchSourceName(s)) return s;
  throw Error(ErrorCode::InvalidArgument, "unknown batch source \"" + name + "\" (file, dataset or request_log)", {}, name);
}

bool MonitorSchedule::isDue(const std::string& nowIso) const {
  if (!enabled) return false;
  if (lastRunAt.empty()) return true;
  const auto last = store::parseTimestamp(lastRunAt);
  const auto now = store::parseTimestamp(nowIso);
  if (!last || !now) return true;
  return *now - *last >= std::chrono::minutes(intervalMinutes);
}

void to_json(nlohmann::json& out, const MonitorSchedule& s) {
  out = {{"id", s.id},
         {"name", s.name},
         {"baseline", s.baselineId},
         {"source", batchSourceName(s.source)},
         {"source_ref", s.sourceRef},
         {"window_hours", s.windowHours},
         {"model", s.model},
         {"labels", s.labelsPath},
         {"key", s.keyColumn},
         {"sensitive_attribute", s.sensitiveAttribute},
         {"interval_minutes", s.intervalMinutes},
         {"enabled", s.enabled},
         {"last_run_at", s.lastRunAt}};
}

void from_json(const nlohmann::json& in, MonitorSchedule& s) {
  s.id = in.value("id", std::int64_t{0});
  s.name = in.value("name", std::string());
  s.baselineId = in.value("baseline", std::int64_t{0});
  s.source = batchSourceFromName(in.value("source", std::string("file")));
  s.sourceRef = in.value("source_ref", std::string());
  s.windowHours = in.value("window_hours", 24.0);
  s.model = in.value("model", std::string());
  s.labelsPath = in.value("labels", std::string());
  s.keyColumn = in.value("key", std::string());
  s.sensitiveAttribute = in.value("sensitive_attribute", std::string());
  s.intervalMinutes = in.value("interval_minutes", 60 * 24);
  s.enabled = in.value("enabled", true);
  s.lastRunAt = in.value("last_run_at", std::string());
}

}  // namespace lathe::monitor
