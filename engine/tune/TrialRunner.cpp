#include "engine/tune/TrialRunner.h"

#include <chrono>
#include <cmath>
#include <functional>
#include <future>
#include <limits>
#include <mutex>
#include <stop_token>

#include "engine/eval/CrossValidation.h"
#include "engine/eval/Metric.h"
#include "engine/experiments/RunRecord.h"
#include "engine/jobs/JobCancelled.h"
#include "engine/jobs/JobContext.h"
#include "engine/jobs/ProgressSink.h"
#include "engine/ml/EstimatorRegistry.h"
#include "engine/ml/TrainingData.h"
#include "engine/tune/MedianPruner.h"

namespace lathe::tune {
namespace {

using Clock = std::chrono::steady_clock;
using nlohmann::json;

double secondsSince(Clock::time_point start) { return std::chrono::duration<double>(Clock::now() - start).count(); }

// Collects a trial's fold scores as cross-validation reports them, and stops the trial when the
// pruner says so.
class FoldSink final : public jobs::ProgressSink {
 public:
  FoldSink(std::string series, const MedianPruner* pruner, std::stop_source& stop)
      : series_(std::move(series)), pruner_(pruner), stop_(stop) {}
  void report(double, std::string_view) override {}
  void point(std::string_view series, double, double y) override {
    if (series != series_) return;
    const std::lock_guard lock(mutex_);
    scores_.push_back(y);
    if (pruner_ && pruner_->shouldStop(scores_)) stop_.request_stop();
  }
  std::vector<double> scores() const {
    const std::lock_guard lock(mutex_);
    return scores_;
  }

 private:
  std::string series_;
  const MedianPruner* pruner_;
  std::stop_source& stop_;
  mutable std::mutex mutex_;
  std::vector<double> scores_;
};

double finiteMean(const std::vector<double>& values) {
  double sum = 0.0;
  std::size_t n = 0;
  for (double v : values)
    if (std::isfinite(v)) {
      sum += v;
      ++n;
    }
  return n ? sum / static_cast<double>(n) : std::numeric_limits<double>::quiet_NaN();
}

}  // namespace

TrialRunner::Outcome TrialRunner::evaluate(const TrialSetup& request, int number, const json& parameters,
                                           const ml::TrainingData& data, const MedianPruner* pruner,
                                           const jobs::JobContext& context, eval::Predictions* outOfFold) {
  const std::string& objective = request.objective;
  Outcome out;
  Trial& t = out.trial;
  t.number = number;
  t.parameters = parameters;
  store::ExperimentRun& run = out.run;
  run.algorithm = request.algorithm;
  run.task = ml::taskName(data.task);
  run.target = request.target;
  run.datasetVersionId = request.datasetVersionId;
  run.lineageJson = request.lineageJson;
  run.seed = static_cast<std::int64_t>(request.seed);
  run.parametersJson = parameters.dump();
  const auto started = Clock::now();

  std::stop_source stop;
  const std::stop_callback forward(context.stopToken(), [&stop] { stop.request_stop(); });
  FoldSink sink("fold " + objective, pruner, stop);
  const jobs::JobContext trialContext(stop.get_token(), sink);
  try {
    const auto prototype = ml::EstimatorRegistry::create(request.algorithm, parameters);
    run.parametersJson = prototype->parameters().dump();
    t.parameters = prototype->parameters();
    eval::CrossValidationOptions options;
    options.split = {request.folds, true, request.seed};
    options.metrics = {objective};
    for (const auto& name : eval::Metric::defaultsFor(data.task))
      if (name != objective) options.metrics.push_back(name);
    const auto cv = eval::CrossValidation::run(*prototype, data, options, trialContext);
    t.foldScores = cv.metric(objective)->perFold;
    t.score = cv.metric(objective)->mean;
    experiments::RunRecord::addMetrics(run, cv.metrics, "cv");
    experiments::RunRecord::addPooledMetrics(run, cv.outOfFold, "out_of_fold");
    experiments::RunRecord::addCharts(run, cv.outOfFold, data.classes, "cv");
    if (outOfFold) *outOfFold = std::move(cv.outOfFold);
  } catch (const jobs::JobCancelled&) {
    if (context.stopRequested()) throw;  // the whole tuning was cancelled
    t.state = Trial::State::Pruned;
    t.foldScores = sink.scores();
    t.score = finiteMean(t.foldScores);
    run.metrics.push_back({"cv", objective, t.score});
  } catch (const std::exception& e) {
    t.state = Trial::State::Failed;
    t.error = e.what();
    run.status = store::RunStatus::Failed;
    run.notes = t.error;
  }
  t.seconds = secondsSince(started);
  run.durationSeconds = t.seconds;
  json validation = {{"scheme", "cv"}, {"folds", request.folds}, {"seed", request.seed}};
  validation["tuning"] = {{"trial", number}, {"state", trialStateName(t.state)}, {"objective", objective},
                          {"fold_scores", t.foldScores}};
  if (!t.error.empty()) validation["tuning"]["error"] = t.error;
  run.validationJson = validation.dump();
  if (t.state == Trial::State::Pruned) run.notes = "Stopped early by the median rule after " +
                                                   std::to_string(t.foldScores.size()) + " folds.";
  return out;
}

std::vector<TrialRunner::Outcome> TrialRunner::evaluateAll(const std::vector<Request>& batch,
                                                            const jobs::JobContext& context) {
  const auto one = [&context](const Request& r) {
    return evaluate(r.setup, r.number, r.parameters, *r.data, r.pruner, context, r.outOfFold);
  };
  std::vector<std::future<Outcome>> running;
  for (std::size_t i = 1; i < batch.size(); ++i)
    running.push_back(std::async(std::launch::async, one, std::cref(batch[i])));
  std::vector<Outcome> outcomes;
  std::exception_ptr failure;
  try {
    if (!batch.empty()) outcomes.push_back(one(batch.front()));
  } catch (...) {
    failure = std::current_exception();
  }
  for (auto& f : running) {
    try {
      outcomes.push_back(f.get());
    } catch (...) {
      if (!failure) failure = std::current_exception();
    }
  }
  if (failure) std::rethrow_exception(failure);
  return outcomes;
}

}  // namespace lathe::tune
