#pragma once
#include <atomic>
#include <chrono>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "engine/jobs/Job.h"
#include "engine/tune/Trial.h"
#include "engine/tune/TuningRequest.h"

namespace lathe::ml {
class FeatureEncoder;
struct TrainingData;
}  // namespace lathe::ml
namespace lathe::store {
class Project;
}

namespace lathe::tune {

class SearchStrategy;

// A hyperparameter tuning as a job. Trials are asked for in batches of `parallel` (each batch
// from the trials finished before it, so the result does not depend on thread timing), run on
// that many threads, each judged by k-fold cross-validation and stopped early by the median
// rule, and stored as experiment runs tagged "tuning:<id>" as each batch ends: a Cancel, a
// crash or a closed window loses at most the batch in flight, and resume() carries on from
// the project. When the budget (trials or seconds) is spent, the best trial's model is fitted
// on every row and kept with its run. Progress is per trial; live curves "trial <objective>"
// and "best so far". Without a project the trials are kept in memory only.
class TuneJob final : public jobs::Job {
 public:
  TuneJob(std::shared_ptr<const store::Project> project, TuningRequest request);
  // Carries on tuning `tuningId`: its request and finished trials come from the project; the
  // data from its dataset version, else `table` (a tuning of a file: the caller reads it again).
  // Throws lathe::Error for an unknown tuning.
  static std::unique_ptr<TuneJob> resume(std::shared_ptr<const store::Project> project, std::int64_t tuningId,
                                         std::shared_ptr<const data::Table> table = nullptr);

  std::string name() const override;
  void run(jobs::JobContext& context) override;

  const TuningRequest& request() const noexcept { return request_; }
  // After run() (also after a Cancel): every trial, in number order, resumed ones included.
  const std::vector<Trial>& trials() const noexcept { return trials_; }
  const Trial* best() const;
  const std::string& objective() const noexcept { return objective_; }
  bool maximize() const noexcept { return maximize_; }
  const std::string& task() const noexcept { return task_; }
  // The project's record of this tuning once run() has stored it (0 before, and without a
  // project). Safe to read from any thread while the job runs: the studio follows a running
  // tuning by it.
  std::int64_t tuningId() const noexcept { return tuningId_.load(); }
  double seconds() const noexcept { return seconds_; }

 private:
  void loadTrials(std::int64_t tuningId);
  void runTrials(SearchStrategy& strategy, const ml::TrainingData& data,
                 std::chrono::steady_clock::time_point started, jobs::JobContext& context);
  void keepBestModel(const ml::FeatureEncoder& encoder, const ml::TrainingData& data, const jobs::JobContext& context);

  std::shared_ptr<const store::Project> project_;
  TuningRequest request_;
  std::vector<Trial> trials_;
  std::string objective_;
  bool maximize_ = true;
  std::string task_;
  std::atomic<std::int64_t> tuningId_{0};
  double seconds_ = 0.0;
};

}  // namespace lathe::tune
