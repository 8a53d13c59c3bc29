#include "engine/tune/TuningHistory.h"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "engine/core/Error.h"
#include "engine/eval/Metric.h"
#include "engine/store/RunRepository.h"

namespace lathe::tune {

using nlohmann::json;

std::optional<TrialRecord> TuningHistory::trialOf(const store::ExperimentRun& run) {
  const json validation = json::parse(run.validationJson, nullptr, false);
  if (!validation.is_object() || !validation.contains("tuning") || !validation["tuning"].is_object()) return std::nullopt;
  const json& info = validation["tuning"];
  TrialRecord out;
  out.algorithm = run.algorithm;
  Trial& t = out.trial;
  const json number = info.value("trial", json());
  t.number = number.is_number_integer() ? number.get<int>() : 0;
  const json state = info.value("state", json());
  const std::string name = state.is_string() ? state.get<std::string>() : "failed";
  t.state = name == "complete" ? Trial::State::Complete : name == "pruned" ? Trial::State::Pruned : Trial::State::Failed;
  t.parameters = json::parse(run.parametersJson, nullptr, false);
  if (!t.parameters.is_object()) t.parameters = json::object();
  const json folds = info.value("fold_scores", json::array());
  if (folds.is_array())
    for (const auto& v : folds) t.foldScores.push_back(v.is_number() ? v.get<double>() : std::nan(""));
  const json objective = info.value("objective", json());
  if (objective.is_string())
    for (const auto& m : run.metrics)
      if (m.split == "cv" && m.name == objective.get<std::string>()) t.score = m.value;
  t.runId = run.id;
  t.seconds = run.durationSeconds;
  const json error = info.value("error", json());
  if (error.is_string()) t.error = error.get<std::string>();
  return out;
}

TuningHistory TuningHistory::load(store::Database& db, std::int64_t tuningId) {
  TuningHistory history;
  const auto record = store::TuningRepository(db).get(tuningId);
  if (!record) throw Error(ErrorCode::InvalidArgument, "the project has no tuning " + std::to_string(tuningId));
  history.record = *record;
  const json request = json::parse(record->requestJson, nullptr, false);
  if (request.is_object() && request.value("objective", json()).is_string())
    history.objective = request["objective"].get<std::string>();
  std::vector<store::ExperimentRun> runs = store::RunRepository(db).tagged(store::TuningRepository::trialTag(tuningId));
  std::vector<TrialRecord> trials;
  std::vector<store::ExperimentRun> kept;
  for (auto& run : runs) {
    auto trial = trialOf(run);
    if (!trial) continue;
    // A tuning asked for the task's headline metric: the trials name the one it was.
    if (history.objective.empty()) {
      const json info = json::parse(run.validationJson, nullptr, false)["tuning"];
      if (info.value("objective", json()).is_string()) history.objective = info["objective"].get<std::string>();
    }
    trials.push_back(std::move(*trial));
    kept.push_back(std::move(run));
  }
  try {
    if (!history.objective.empty()) history.maximize = eval::Metric::higherIsBetter(history.objective);
  } catch (const Error&) {
    // A metric this version does not know: read as higher-is-better, as most are.
  }
  // Runs are stored per batch in id order; a tuning's own numbering orders trials (AutoML numbers
  // per family, so its trials stay in the order they ran).
  std::vector<std::size_t> order(trials.size());
  std::iota(order.begin(), order.end(), 0);
  if (record->algorithm != "automl")
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return trials[a].trial.number < trials[b].trial.number; });
  for (std::size_t i : order) {
    history.trials.push_back(std::move(trials[i]));
    history.runs.push_back(std::move(kept[i]));
  }
  return history;
}

const TrialRecord* TuningHistory::best() const {
  const TrialRecord* top = nullptr;
  for (const auto& r : trials) {
    const Trial& t = r.trial;
    if (t.state != Trial::State::Complete || !std::isfinite(t.score)) continue;
    if (!top || (maximize ? t.score > top->trial.score : t.score < top->trial.score)) top = &r;
  }
  return top;
}

}  // namespace lathe::tune
