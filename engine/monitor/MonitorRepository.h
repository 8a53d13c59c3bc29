#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "engine/monitor/Baseline.h"
#include "engine/monitor/BaselineInfo.h"
#include "engine/monitor/ModelBaseline.h"
#include "engine/monitor/MonitorRunRecord.h"
#include "engine/monitor/MonitorSchedule.h"
#include "engine/monitor/RetrainComparison.h"

namespace lathe::store {
class Database;
}

namespace lathe::monitor {

// The project's monitoring tables: baselines, schedules, runs and the retraining loop. One
// transaction per change; names are unique and named in every error.
class MonitorRepository {
 public:
  explicit MonitorRepository(store::Database& db) : db_(db) {}

  std::int64_t addBaseline(const std::string& name, const Baseline& baseline, const ModelBaseline& model);
  std::vector<BaselineInfo> baselines();
  std::optional<BaselineInfo> findBaseline(const std::string& name);
  Baseline baseline(std::int64_t id);
  ModelBaseline modelBaseline(std::int64_t id);
  // Replaces the constraints (the user edited them); each must name a feature of the baseline.
  void setConstraints(std::int64_t baselineId, const std::vector<FeatureConstraint>& constraints);

  // Checks the name, the baseline, the interval and the source; throws InvalidArgument naming
  // the field.
  void validate(const MonitorSchedule& schedule);
  std::int64_t addSchedule(const MonitorSchedule& schedule);
  void updateSchedule(const MonitorSchedule& schedule);
  std::vector<MonitorSchedule> schedules();
  MonitorSchedule schedule(std::int64_t id);
  std::optional<MonitorSchedule> findSchedule(const std::string& name);

  // Stores a run (and moves its schedule's last run time) in one transaction; sets run.id.
  void addRun(MonitorRunRecord& run, std::int64_t baselineId);
  // A schedule's runs, oldest first (the newest `limit`); scheduleId 0: the runs by hand.
  std::vector<MonitorRunRecord> runs(std::int64_t scheduleId, std::size_t limit = 500);

  std::int64_t addRetraining(std::int64_t scheduleId, std::int64_t monitorRunId, const RetrainComparison& comparison);
  void decideRetraining(std::int64_t id, const std::string& decision);
  std::vector<RetrainComparison> retrainings();

 private:
  void requireWritable();
  store::Database& db_;
};

}  // namespace lathe::monitor
