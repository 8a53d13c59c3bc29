#include "engine/tune/TuneJob.h"

#include <algorithm>
#include <chrono>
#include <cmath>

#include "engine/core/Error.h"
#include "engine/eval/Metric.h"
#include "engine/jobs/JobCancelled.h"
#include "engine/jobs/JobContext.h"
#include "engine/ml/EstimatorRegistry.h"
#include "engine/ml/FeatureEncoder.h"
#include "engine/store/Project.h"
#include "engine/store/RunRepository.h"
#include "engine/store/TuningRepository.h"
#include "engine/tune/MedianPruner.h"
#include "engine/tune/SearchStrategy.h"
#include "engine/tune/TrialRunner.h"
#include "engine/tune/TuningHistory.h"
#include "engine/tune/TuningSupport.h"

namespace lathe::tune {
namespace {

using Clock = std::chrono::steady_clock;
using nlohmann::json;

double secondsSince(Clock::time_point start) { return std::chrono::duration<double>(Clock::now() - start).count(); }

}  // namespace

TuneJob::TuneJob(std::shared_ptr<const store::Project> project, TuningRequest request)
    : project_(std::move(project)), request_(std::move(request)) {}

std::unique_ptr<TuneJob> TuneJob::resume(std::shared_ptr<const store::Project> project, std::int64_t tuningId,
                                         std::shared_ptr<const data::Table> table) {
  if (!project) throw Error(ErrorCode::InvalidArgument, "a tuning resumes from a project");
  store::Database db = project->connect();
  const auto record = store::TuningRepository(db).get(tuningId);
  if (!record) throw Error(ErrorCode::InvalidArgument, "the project has no tuning " + std::to_string(tuningId));
  TuningRequest request = TuningRequest::fromJson(json::parse(record->requestJson));
  request.table = std::move(table);
  auto job = std::make_unique<TuneJob>(std::move(project), std::move(request));
  job->tuningId_ = tuningId;
  job->loadTrials(tuningId);
  return job;
}

void TuneJob::loadTrials(std::int64_t tuningId) {
  store::Database db = project_->connect();
  for (auto& record : TuningHistory::load(db, tuningId).trials) trials_.push_back(std::move(record.trial));
}

std::string TuneJob::name() const { return "Tune " + request_.algorithm + " to predict " + request_.target; }

const Trial* TuneJob::best() const {
  const Trial* best = nullptr;
  for (const auto& t : trials_) {
    if (t.state != Trial::State::Complete || !std::isfinite(t.score)) continue;
    if (!best || (maximize_ ? t.score > best->score : t.score < best->score)) best = &t;
  }
  return best;
}

void TuneJob::run(jobs::JobContext& context) {
  const auto started = Clock::now();
  if (request_.target.empty()) throw Error(ErrorCode::InvalidArgument, "choose the target column to tune for");
  if (request_.trials == 0) throw Error(ErrorCode::InvalidArgument, "a tuning needs at least one trial");
  if (request_.folds < 2) throw Error(ErrorCode::InvalidArgument, "a tuning needs at least 2 folds");
  if (project_) project_->requireWritable();
  const auto table = TuningSupport::table(project_, request_.table, request_.datasetVersionId, context.subRange(0.0, 0.02));
  const auto encoder = ml::FeatureEncoder::fit(*table, request_.target, {},
                                               ml::EstimatorRegistry::categoriesFor(request_.algorithm));
  const ml::TrainingData data = encoder.encodeTraining(*table);
  task_ = ml::taskName(data.task);
  objective_ = TuningSupport::objective(data.task, request_.objective);
  maximize_ = eval::Metric::higherIsBetter(objective_);
  if (!ml::EstimatorRegistry::create(request_.algorithm)->supports(data.task))
    throw Error(ErrorCode::InvalidArgument, request_.algorithm + " cannot learn a " + task_ + " task");
  // Algorithms that need every value filled get the median (most frequent) from each fold.
  if (TuningSupport::needsFilledValues(request_.algorithm) && data.x.hasMissing() && !request_.space.fixed.contains("impute"))
    request_.space.fixed["impute"] = "median";

  if (project_ && tuningId_ == 0) {
    store::Database db = project_->connect();
    store::TuningRecord record;
    record.name = request_.name.empty() ? "Tune " + request_.algorithm : request_.name;
    record.algorithm = request_.algorithm;
    record.target = request_.target;
    record.datasetVersionId = request_.datasetVersionId;
    record.requestJson = request_.toJson().dump();
    tuningId_ = store::TuningRepository(db).add(record);
  }

  auto strategy = SearchStrategy::create(request_.strategy, request_.space, request_.seed, request_.trials);
  try {
    runTrials(*strategy, data, started, context);
  } catch (const jobs::JobCancelled&) {
    // What finished is stored; the tuning can carry on later (resume).
    if (project_) {
      store::Database db = project_->connect();
      const Trial* top = best();
      store::TuningRepository(db).finish(tuningId_, store::RunStatus::Cancelled,
                                         top && top->runId ? std::optional<std::int64_t>(top->runId) : std::nullopt);
    }
    seconds_ = secondsSince(started);
    throw;
  }
  keepBestModel(encoder, data, context.subRange(0.95, 1.0));
  seconds_ = secondsSince(started);
  context.progress(1.0, "Tuned");
}

void TuneJob::runTrials(SearchStrategy& strategy, const ml::TrainingData& data, Clock::time_point started,
                        jobs::JobContext& context) {
  const std::size_t parallel = std::clamp<std::size_t>(request_.parallel, 1, 16);
  int next = trials_.empty() ? 1 : trials_.back().number + 1;
  const auto outOfTime = [&] { return request_.timeBudgetSeconds > 0 && secondsSince(started) >= request_.timeBudgetSeconds; };
  const auto reportProgress = [&] {
    const double byTrials = static_cast<double>(trials_.size()) / static_cast<double>(request_.trials);
    const double byTime = request_.timeBudgetSeconds > 0 ? secondsSince(started) / request_.timeBudgetSeconds : 0.0;
    const Trial* top = best();
    std::string message = "Trial " + std::to_string(trials_.size()) + " of " + std::to_string(request_.trials);
    if (top) message += " · best " + objective_ + " " + std::to_string(top->score);
    context.progress(std::min(0.95, 0.02 + 0.93 * std::max(byTrials, byTime)), message);
  };
  bool exhausted = false;
  while (trials_.size() < request_.trials && !exhausted && !outOfTime()) {
    context.throwIfStopped();
    // The batch is asked for before any of it runs: what it gets depends on finished trials only.
    const std::size_t size = std::min(parallel, request_.trials - trials_.size());
    const TrialSetup setup{request_.algorithm, request_.target, request_.datasetVersionId, request_.folds, request_.seed,
                           objective_, request_.lineageJson};
    const MedianPruner pruner(trials_, maximize_);
    std::vector<TrialRunner::Request> batch;
    for (std::size_t i = 0; i < size; ++i) {
      auto suggestion = strategy.suggest(next, trials_, maximize_);
      if (!suggestion) {
        exhausted = true;
        break;
      }
      batch.push_back({setup, next++, request_.space.withFixed(std::move(*suggestion)), &data,
                       request_.pruning ? &pruner : nullptr});
    }
    if (batch.empty()) break;
    // A Cancel is rethrown here: the batch in flight is dropped.
    std::vector<TrialRunner::Outcome> outcomes = TrialRunner::evaluateAll(batch, context);

    // Stored in trial order, on the job's own connection.
    std::optional<store::Database> db;
    if (project_) db.emplace(project_->connect());
    for (auto& [trial, run] : outcomes) {
      if (db) {
        run.name = (request_.name.empty() ? request_.algorithm : request_.name) + " · trial " + std::to_string(trial.number);
        run.tags = {store::TuningRepository::trialTag(tuningId_), "trial"};
        if (run.status == store::RunStatus::Finished && trial.state == Trial::State::Pruned) run.tags.push_back("pruned");
        trial.runId = store::RunRepository(*db).add(run);
      }
      if (trial.scored()) context.point("trial " + objective_, trial.number, trial.score);
      trials_.push_back(std::move(trial));
      if (const Trial* top = best()) context.point("best so far", trials_.back().number, top->score);
    }
    reportProgress();
  }
  context.throwIfStopped();
}

void TuneJob::keepBestModel(const ml::FeatureEncoder& encoder, const ml::TrainingData& data,
                            const jobs::JobContext& context) {
  const Trial* top = best();
  std::optional<store::Database> db;
  if (project_) db.emplace(project_->connect());
  if (!top) {
    if (db) store::TuningRepository(*db).finish(tuningId_, store::RunStatus::Failed, std::nullopt);
    if (std::all_of(trials_.begin(), trials_.end(), [](const Trial& t) { return t.state == Trial::State::Failed; }) &&
        !trials_.empty())
      throw Error(ErrorCode::InvalidArgument, "every trial failed; the first said: " + trials_.front().error);
    return;
  }
  if (!db || top->runId == 0) return;
  TuningSupport::keepModel(*db, top->runId, encoder, request_.algorithm, top->parameters, data, context);
  store::TuningRepository(*db).finish(tuningId_, store::RunStatus::Finished, top->runId);
}

}  // namespace lathe::tune
