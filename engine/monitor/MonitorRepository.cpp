#include "engine/monitor/MonitorRepository.h"

#include "engine/core/Error.h"
#include "engine/store/Database.h"
#include "engine/store/Statement.h"
#include "engine/store/Timestamp.h"
#include "engine/store/Transaction.h"

namespace lathe::monitor {
namespace {

using nlohmann::json;

[[noreturn]] void invalid(const std::string& message, const std::string& value = {}) {
  throw Error(ErrorCode::InvalidArgument, message, {}, value);
}

json parseStored(const std::string& text, const char* what) {
  json parsed = json::parse(text, nullptr, false);
  if (parsed.is_discarded()) throw Error(ErrorCode::Corrupt, std::string("the project's stored ") + what + " is not valid JSON");
  return parsed;
}

BaselineInfo readInfo(store::Statement& row) {
  BaselineInfo info;
  info.id = row.int64(0);
  info.name = row.text(1);
  info.source = row.text(2);
  info.rows = static_cast<std::uint64_t>(row.int64(3));
  info.createdAt = row.text(4);
  const json stats = json::parse(row.text(5), nullptr, false);
  if (stats.is_object() && stats.contains("features") && stats["features"].is_array())
    info.features = stats["features"].size();
  return info;
}

constexpr const char* kInfoColumns = "SELECT id, name, source, rows, created_at, statistics FROM monitor_baseline";

}  // namespace

void MonitorRepository::requireWritable() {
  if (db_.readOnly()) throw Error(ErrorCode::Io, "the project is open read-only; monitoring cannot be changed", {db_.path()});
}

std::int64_t MonitorRepository::addBaseline(const std::string& name, const Baseline& baseline, const ModelBaseline& model) {
  requireWritable();
  if (name.empty() || name.size() > 200) invalid("a baseline needs a name of 1 to 200 characters", name);
  if (findBaseline(name)) invalid("there is already a baseline \"" + name + "\"", name);
  const std::string now = store::timestampNow();
  store::Transaction transaction(db_);
  store::Statement insert = db_.prepare(
      "INSERT INTO monitor_baseline (name, source, rows, statistics, model_baseline, created_at, modified_at) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6)");
  insert.bind(1, name).bind(2, baseline.source).bind(3, static_cast<std::int64_t>(baseline.rows));
  insert.bind(4, json(baseline).dump()).bind(5, json(model).dump()).bind(6, now).run();
  const std::int64_t id = db_.lastInsertId();
  transaction.commit();
  return id;
}

std::vector<BaselineInfo> MonitorRepository::baselines() {
  std::vector<BaselineInfo> out;
  store::Statement rows = db_.prepare(std::string(kInfoColumns) + " ORDER BY name");
  while (rows.step()) out.push_back(readInfo(rows));
  return out;
}

std::optional<BaselineInfo> MonitorRepository::findBaseline(const std::string& name) {
  store::Statement row = db_.prepare(std::string(kInfoColumns) + " WHERE name = ?1");
  row.bind(1, name);
  if (!row.step()) return std::nullopt;
  return readInfo(row);
}

Baseline MonitorRepository::baseline(std::int64_t id) {
  store::Statement row = db_.prepare("SELECT statistics FROM monitor_baseline WHERE id = ?1");
  row.bind(1, id);
  if (!row.step()) invalid("there is no baseline " + std::to_string(id));
  return parseStored(row.text(0), "baseline").get<Baseline>();
}

ModelBaseline MonitorRepository::modelBaseline(std::int64_t id) {
  store::Statement row = db_.prepare("SELECT model_baseline FROM monitor_baseline WHERE id = ?1");
  row.bind(1, id);
  if (!row.step()) invalid("there is no baseline " + std::to_string(id));
  return parseStored(row.text(0), "model baseline").get<ModelBaseline>();
}

void MonitorRepository::setConstraints(std::int64_t baselineId, const std::vector<FeatureConstraint>& constraints) {
  requireWritable();
  Baseline stored = baseline(baselineId);
  for (const auto& c : constraints) {
    if (!stored.feature(c.name)) invalid("the baseline has no feature \"" + c.name + "\"", c.name);
    if (c.min && c.max && *c.min > *c.max) invalid("feature \"" + c.name + "\": the minimum is above the maximum", c.name);
    if (c.maxMissingShare && (*c.maxMissingShare < 0.0 || *c.maxMissingShare > 1.0))
      invalid("feature \"" + c.name + "\": the missing share is between 0 and 1", c.name);
    if (!(c.psiThreshold > 0.0) || !(c.alpha > 0.0 && c.alpha < 1.0))
      invalid("feature \"" + c.name + "\": the PSI threshold is above 0 and alpha between 0 and 1", c.name);
    if (FeatureConstraint* target = stored.constraint(c.name)) *target = c;
    else stored.constraints.push_back(c);
  }
  store::Transaction transaction(db_);
  store::Statement update = db_.prepare("UPDATE monitor_baseline SET statistics = ?2, modified_at = ?3 WHERE id = ?1");
  update.bind(1, baselineId).bind(2, json(stored).dump()).bind(3, store::timestampNow()).run();
  transaction.commit();
}

void MonitorRepository::validate(const MonitorSchedule& s) {
  if (s.name.empty() || s.name.size() > 200) invalid("a schedule needs a name of 1 to 200 characters", s.name);
  store::Statement row = db_.prepare("SELECT 1 FROM monitor_baseline WHERE id = ?1");
  row.bind(1, s.baselineId);
  if (!row.step()) invalid("schedule \"" + s.name + "\" names no stored baseline", s.name);
  if (s.intervalMinutes <= 0) invalid("schedule \"" + s.name + "\": the interval is at least one minute", s.name);
  if (s.sourceRef.empty()) invalid("schedule \"" + s.name + "\" needs a batch: a file, a dataset or an endpoint", s.name);
  if (s.source == BatchSource::RequestLog && !(s.windowHours > 0.0))
    invalid("schedule \"" + s.name + "\": the request log's window is more than 0 hours", s.name);
  if (!s.labelsPath.empty() && s.keyColumn.empty())
    invalid("schedule \"" + s.name + "\": labels are joined by a key column; name one", s.name);
}

std::int64_t MonitorRepository::addSchedule(const MonitorSchedule& schedule) {
  requireWritable();
  validate(schedule);
  if (findSchedule(schedule.name)) invalid("there is already a schedule \"" + schedule.name + "\"", schedule.name);
  store::Transaction transaction(db_);
  store::Statement insert = db_.prepare(
      "INSERT INTO monitor_schedule (name, baseline_id, settings, last_run_at, created_at) VALUES (?1, ?2, ?3, '', ?4)");
  insert.bind(1, schedule.name).bind(2, schedule.baselineId).bind(3, json(schedule).dump()).bind(4, store::timestampNow()).run();
  const std::int64_t id = db_.lastInsertId();
  transaction.commit();
  return id;
}

void MonitorRepository::updateSchedule(const MonitorSchedule& schedule) {
  requireWritable();
  validate(schedule);
  if (const auto other = findSchedule(schedule.name); other && other->id != schedule.id)
    invalid("there is already a schedule \"" + schedule.name + "\"", schedule.name);
  store::Transaction transaction(db_);
  store::Statement update = db_.prepare("UPDATE monitor_schedule SET name = ?2, baseline_id = ?3, settings = ?4 WHERE id = ?1");
  update.bind(1, schedule.id).bind(2, schedule.name).bind(3, schedule.baselineId).bind(4, json(schedule).dump()).run();
  if (db_.changes() == 0) invalid("there is no schedule " + std::to_string(schedule.id));
  transaction.commit();
}

std::vector<MonitorSchedule> MonitorRepository::schedules() {
  std::vector<MonitorSchedule> out;
  store::Statement rows = db_.prepare("SELECT id, settings, last_run_at, baseline_id, name FROM monitor_schedule ORDER BY name");
  while (rows.step()) {
    MonitorSchedule s = parseStored(rows.text(1), "schedule").get<MonitorSchedule>();
    s.id = rows.int64(0);
    s.lastRunAt = rows.text(2);
    s.baselineId = rows.int64(3);
    s.name = rows.text(4);
    out.push_back(std::move(s));
  }
  return out;
}

MonitorSchedule MonitorRepository::schedule(std::int64_t id) {
  for (auto& s : schedules())
    if (s.id == id) return s;
  invalid("there is no schedule " + std::to_string(id));
}

std::optional<MonitorSchedule> MonitorRepository::findSchedule(const std::string& name) {
  for (auto& s : schedules())
    if (s.name == name) return s;
  return std::nullopt;
}

void MonitorRepository::addRun(MonitorRunRecord& run, std::int64_t baselineId) {
  requireWritable();
  if (run.at.empty()) run.at = store::timestampNow();
  store::Transaction transaction(db_);
  store::Statement insert = db_.prepare(
      "INSERT INTO monitor_run (schedule_id, baseline_id, at, source, rows, drifted, violations, alerts, report) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)");
  if (run.scheduleId > 0) insert.bind(1, run.scheduleId);
  else insert.bindNull(1);
  insert.bind(2, baselineId).bind(3, run.at).bind(4, run.source).bind(5, static_cast<std::int64_t>(run.data.rows));
  insert.bind(6, static_cast<std::int64_t>(run.data.driftedCount()));
  insert.bind(7, static_cast<std::int64_t>(run.data.violations.size()));
  insert.bind(8, static_cast<std::int64_t>(run.alerts.size())).bind(9, json(run).dump()).run();
  run.id = db_.lastInsertId();
  if (run.scheduleId > 0) {
    store::Statement touch = db_.prepare("UPDATE monitor_schedule SET last_run_at = ?2 WHERE id = ?1");
    touch.bind(1, run.scheduleId).bind(2, run.at).run();
  }
  transaction.commit();
}

std::vector<MonitorRunRecord> MonitorRepository::runs(std::int64_t scheduleId, std::size_t limit) {
  store::Statement rows = db_.prepare(
      "SELECT id, report FROM (SELECT id, report FROM monitor_run WHERE coalesce(schedule_id, 0) = ?1 "
      "ORDER BY at DESC, id DESC LIMIT ?2) ORDER BY id");
  rows.bind(1, scheduleId).bind(2, static_cast<std::int64_t>(limit));
  std::vector<MonitorRunRecord> out;
  while (rows.step()) {
    MonitorRunRecord run = parseStored(rows.text(1), "monitoring run").get<MonitorRunRecord>();
    run.id = rows.int64(0);
    out.push_back(std::move(run));
  }
  return out;
}

std::int64_t MonitorRepository::addRetraining(std::int64_t scheduleId, std::int64_t monitorRunId,
                                              const RetrainComparison& comparison) {
  requireWritable();
  store::Transaction transaction(db_);
  store::Statement insert = db_.prepare(
      "INSERT INTO retraining (schedule_id, monitor_run_id, run_id, comparison, at) VALUES (?1, ?2, ?3, ?4, ?5)");
  if (scheduleId > 0) insert.bind(1, scheduleId);
  else insert.bindNull(1);
  if (monitorRunId > 0) insert.bind(2, monitorRunId);
  else insert.bindNull(2);
  if (comparison.runId > 0) insert.bind(3, comparison.runId);
  else insert.bindNull(3);
  insert.bind(4, json(comparison).dump()).bind(5, comparison.at.empty() ? store::timestampNow() : comparison.at).run();
  const std::int64_t id = db_.lastInsertId();
  transaction.commit();
  return id;
}

void MonitorRepository::decideRetraining(std::int64_t id, const std::string& decision) {
  requireWritable();
  if (decision != "promoted" && decision != "kept") invalid("a retraining is either promoted or kept", decision);
  store::Transaction transaction(db_);
  store::Statement update =
      db_.prepare("UPDATE retraining SET decision = ?2, decided_at = ?3 WHERE id = ?1 AND decision = ''");
  update.bind(1, id).bind(2, decision).bind(3, store::timestampNow()).run();
  if (db_.changes() == 0) invalid("retraining " + std::to_string(id) + " does not exist or was already decided");
  transaction.commit();
}

std::vector<RetrainComparison> MonitorRepository::retrainings() {
  std::vector<RetrainComparison> out;
  store::Statement rows = db_.prepare("SELECT id, comparison, decision, at FROM retraining ORDER BY id");
  while (rows.step()) {
    RetrainComparison c = parseStored(rows.text(1), "retraining").get<RetrainComparison>();
    c.id = rows.int64(0);
    c.decision = rows.text(2);
    c.at = rows.text(3);
    out.push_back(std::move(c));
  }
  return out;
}

}  // namespace lathe::monitor
