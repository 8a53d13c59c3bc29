#pragma once
#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include "engine/jobs/Job.h"
#include "engine/monitor/CreateBaselineJob.h"
#include "engine/monitor/MonitorRunRecord.h"
#include "engine/monitor/MonitorSchedule.h"

namespace lathe::store {
class Project;
}

namespace lathe::monitor {

// Runs one monitoring comparison and stores it: a schedule of the project (by id), or the same
// settings given by hand (schedule.id 0, a run by hand). Reads the batch from its source, loads the
// model (the schedule's, else the baseline's), lines up the labels (the batch's own target column,
// else the labels file by the key), runs MonitorAnalysis and records the result.
class MonitorRunJob final : public jobs::Job {
 public:
  MonitorRunJob(std::shared_ptr<const store::Project> project, MonitorSchedule schedule, bool store = true)
      : project_(std::move(project)), schedule_(std::move(schedule)), store_(store) {}
  // Loads the stored schedule `scheduleId` when it runs.
  static std::unique_ptr<MonitorRunJob> forSchedule(std::shared_ptr<const store::Project> project, std::int64_t scheduleId);
  // A one-off comparison against a baseline computed now and not stored (nor is the run).
  static std::unique_ptr<MonitorRunJob> oneOff(std::shared_ptr<const store::Project> project, BaselineRequest baseline,
                                               MonitorSchedule batch);

  std::string name() const override { return "Monitor " + schedule_.name; }
  void run(jobs::JobContext& context) override;
  const MonitorRunRecord& result() const { return result_; }

 private:
  std::shared_ptr<const store::Project> project_;
  MonitorSchedule schedule_;
  bool store_ = true;
  bool loadSchedule_ = false;
  std::optional<BaselineRequest> transientBaseline_;
  MonitorRunRecord result_;
};

}  // namespace lathe::monitor
