#pragma once
#include <cstdint>
#include <memory>
#include <string>

#include "engine/jobs/Job.h"
#include "engine/monitor/MonitorSchedule.h"
#include "engine/monitor/RetrainComparison.h"

namespace lathe::store {
class Database;
class Project;
}

namespace lathe::monitor {

struct RetrainRequest {
  std::string liveModel;                  // the version in service: "churn:production", "churn:3"
  BatchSource source = BatchSource::File;  // File or Dataset: the new data, with the target column
  std::string sourceRef;
  bool append = true;  // add the new rows to the live model's training data; false: train on them alone
  double holdoutFraction = 0.2;  // of the new rows, kept out of training: both models are judged on them
  std::uint64_t seed = 0;
  std::int64_t scheduleId = 0;    // what the retraining answers, for the record
  std::int64_t monitorRunId = 0;
};

// The retraining loop's first half: trains the live model's pipeline again (its recipes fitted
// anew, then its algorithm with its parameters) on the new data, appended to the old training
// data or replacing it; registers the result as a candidate version; and scores both models on
// the same holdout rows of the new data. The comparison is recorded; decide() records the second
// half, promoting the candidate or keeping the live model.
class RetrainJob final : public jobs::Job {
 public:
  RetrainJob(std::shared_ptr<const store::Project> project, RetrainRequest request)
      : project_(std::move(project)), request_(std::move(request)) {}
  std::string name() const override { return "Retrain " + request_.liveModel; }
  void run(jobs::JobContext& context) override;
  const RetrainComparison& result() const { return result_; }

  // Promote (the candidate becomes production; the old one is archived) or keep (the candidate
  // is archived); either way recorded with the retraining. Throws for a decided retraining.
  static void decide(store::Database& db, std::int64_t retrainingId, bool promote);

 private:
  std::shared_ptr<const store::Project> project_;
  RetrainRequest request_;
  RetrainComparison result_;
};

}  // namespace lathe::monitor
