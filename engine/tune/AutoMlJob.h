#pragma once
#include <atomic>
#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "engine/data/Table.h"
#include "engine/jobs/Job.h"
#include "engine/tune/Trial.h"

namespace lathe::store {
class Project;
}

namespace lathe::tune {

// What AutoML is asked: the data, the target and a time budget; every supervised algorithm that
// can learn the task unless `algorithms` names some.
struct AutoMlRequest {
  std::shared_ptr<const data::Table> table;
  std::optional<std::int64_t> datasetVersionId;
  std::string lineageJson = "{}";  // a pipeline's TableLineage of `table`
  std::string source;
  std::string target;
  double budgetSeconds = 60.0;
  std::uint64_t seed = 0;
  std::size_t folds = 5;
  std::size_t parallel = 2;
  std::string objective;  // empty: roc_auc, accuracy or r2 by task
  std::vector<std::string> algorithms;
  std::string name;
  bool ensemble = true;  // also judge a weighted vote of the best trials (family "ensemble")
};

// One algorithm family on the leaderboard: its best trial so far and how much it was tried.
struct LeaderboardEntry {
  std::string algorithm;
  Trial best;
  std::size_t trials = 0;
  std::size_t failed = 0;
  double seconds = 0.0;
};

// AutoML as a job: every applicable algorithm is first tried with its defaults, then the time
// left goes to Bayesian (TPE) search of each family's space, most to the families ahead: from
// the third round on, the last of the families still searched drops out after each round
// (three always stay). Trials run
// `parallel` at a time, each judged by k-fold cross-validation, and are stored as runs tagged
// "tuning:<id>" and "automl" as they finish; the leaderboard (best per family) is reported
// live ("leaderboard" curve points: x = family index, y = its best) and after the run. The best
// model overall is fitted on every row and kept with its run. The defaults round always runs
// whole; after it, no new batch starts once the budget is spent, and one that is running
// finishes (a trial takes a second or two on credit-g).
//
// With `ensemble`, the search stops early enough to leave time for an ensemble: greedy ensemble
// selection (EnsembleSelection) over the best trials' out-of-fold predictions picks members and
// weights; when it picks two models or more, the VotingEnsemble is judged like a trial (the same
// folds, on one-hot columns, stored as a run) and joins the leaderboard as the family
// "ensemble". It is kept only when it beats the best single model.
class AutoMlJob final : public jobs::Job {
 public:
  AutoMlJob(std::shared_ptr<const store::Project> project, AutoMlRequest request);

  std::string name() const override;
  void run(jobs::JobContext& context) override;

  const AutoMlRequest& request() const noexcept { return request_; }
  // Best first.
  std::vector<LeaderboardEntry> leaderboard() const;
  const std::vector<std::pair<std::string, Trial>>& trials() const noexcept { return trials_; }
  const std::string& objective() const noexcept { return objective_; }
  bool maximize() const noexcept { return maximize_; }
  const std::string& task() const noexcept { return task_; }
  // The project's record of this search once run() has stored it (0 before, and without a
  // project); safe to read from any thread while the job runs (the studio follows it by it).
  std::int64_t tuningId() const noexcept { return tuningId_.load(); }
  double seconds() const noexcept { return seconds_; }

 private:
  std::shared_ptr<const store::Project> project_;
  AutoMlRequest request_;
  std::vector<std::pair<std::string, Trial>> trials_;  // (algorithm, trial), in the order they ran
  std::string objective_;
  bool maximize_ = true;
  std::string task_;
  std::atomic<std::int64_t> tuningId_{0};
  double seconds_ = 0.0;
};

}  // namespace lathe::tune
