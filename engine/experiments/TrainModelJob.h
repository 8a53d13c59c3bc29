#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "engine/experiments/TrainingRequest.h"
#include "engine/jobs/Job.h"
#include "engine/store/ExperimentRun.h"

namespace lathe::store {
class Project;
}

namespace lathe::experiments {

// One training from the studio: encode the table, judge the algorithm by the request's
// validation scheme, draw its learning curve, fit the final model on every row, and store it all
// as one experiment run with its model (one transaction, on the job's own connection). Progress:
// evaluation 0-60 %, learning curve 60-80 %, final fit 80-100 %, each reporting its folds, trees,
// rounds or epochs. Cancel (or an error) stores nothing, so the project is as it was; the error
// names what was wrong (a missing target, NaN for an algorithm that refuses it, ...).
// Without a project (tests, the CLI) the run is built but not stored.
class TrainModelJob final : public jobs::Job {
 public:
  TrainModelJob(std::shared_ptr<const store::Project> project, TrainingRequest request);

  std::string name() const override;
  void run(jobs::JobContext& context) override;

  // After run(): the run as stored (id set when stored), and warnings met on the way.
  const store::ExperimentRun& result() const noexcept { return run_; }
  const std::vector<std::string>& warnings() const noexcept { return warnings_; }

 private:
  std::shared_ptr<const store::Project> project_;
  TrainingRequest request_;
  store::ExperimentRun run_;
  std::vector<std::string> warnings_;
};

}  // namespace lathe::experiments
