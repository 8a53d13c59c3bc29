#include "engine/tune/AutoMlJob.h"

#include <algorithm>
#include <cmath>
#include <map>

#include "engine/core/Error.h"
#include "engine/eval/Metric.h"
#include "engine/eval/Predictions.h"
#include "engine/jobs/JobContext.h"
#include "engine/ml/EstimatorRegistry.h"
#include "engine/ml/FeatureEncoder.h"
#include "engine/store/Project.h"
#include "engine/store/RunRepository.h"
#include "engine/store/TuningRepository.h"
#include "engine/tune/EnsembleSelection.h"
#include "engine/tune/SearchSpace.h"
#include "engine/tune/TpeSearch.h"
#include "engine/tune/TrialRunner.h"
#include "engine/tune/TuningSupport.h"

namespace lathe::tune {
namespace {

using Clock = std::chrono::steady_clock;
using nlohmann::json;

constexpr const char* kEnsemble = "ensemble";
// The share of the budget the search leaves for the ensemble: its cross-validation refits each
// member on every fold, and the winner is refitted on all rows, so it costs about the sum of its
// members' trials plus a fifth. On credit-g with 60 s the selection picks 3-5 models and that
// took 1-10 s (XGBoost members cost most), so 15% (9 s) covers it; a smaller share lets the
// ensemble overrun the budget, a larger one takes trials from the search, which by then finds
// little (the leaders' scores move in the fourth decimal over its last quarter).
constexpr double kEnsembleShare = 0.15;

double secondsSince(Clock::time_point start) { return std::chrono::duration<double>(Clock::now() - start).count(); }

// The rows encoded as one kind of algorithm wants them (one-hot or ordinal categories).
struct Encoding {
  ml::FeatureEncoder encoder;
  ml::TrainingData data;
};

struct Family {
  std::string algorithm;
  SearchSpace space;
  std::unique_ptr<TpeSearch> search;
  const Encoding* encoding = nullptr;
  std::vector<Trial> trials;
  int next = 1;
  double seconds = 0.0;

  const Trial* best(bool maximize) const {
    const Trial* top = nullptr;
    for (const auto& t : trials)
      if (t.state == Trial::State::Complete && std::isfinite(t.score) &&
          (!top || (maximize ? t.score > top->score : t.score < top->score)))
        top = &t;
    return top;
  }
  double meanSeconds() const { return trials.empty() ? 0.0 : seconds / static_cast<double>(trials.size()); }
};

struct Item {
  Family* family;
  int number;
  json parameters;
};

}  // namespace

AutoMlJob::AutoMlJob(std::shared_ptr<const store::Project> project, AutoMlRequest request)
    : project_(std::move(project)), request_(std::move(request)) {}

std::string AutoMlJob::name() const { return "AutoML to predict " + request_.target; }

std::vector<LeaderboardEntry> AutoMlJob::leaderboard() const {
  std::map<std::string, LeaderboardEntry> byFamily;
  for (const auto& [algorithm, t] : trials_) {
    LeaderboardEntry& e = byFamily[algorithm];
    e.algorithm = algorithm;
    ++e.trials;
    e.failed += t.state == Trial::State::Failed;
    e.seconds += t.seconds;
    const bool better = t.state == Trial::State::Complete && std::isfinite(t.score) &&
                        (!std::isfinite(e.best.score) || (maximize_ ? t.score > e.best.score : t.score < e.best.score));
    if (better) e.best = t;
  }
  std::vector<LeaderboardEntry> out;
  for (auto& [name, entry] : byFamily) out.push_back(std::move(entry));
  std::stable_sort(out.begin(), out.end(), [this](const LeaderboardEntry& a, const LeaderboardEntry& b) {
    if (!std::isfinite(b.best.score)) return std::isfinite(a.best.score);
    if (!std::isfinite(a.best.score)) return false;
    // A tie goes to the single model: the ensemble must beat it to win.
    if (a.best.score == b.best.score) return a.algorithm != kEnsemble && b.algorithm == kEnsemble;
    return maximize_ ? a.best.score > b.best.score : a.best.score < b.best.score;
  });
  return out;
}

void AutoMlJob::run(jobs::JobContext& context) {
  const auto started = Clock::now();
  if (request_.target.empty()) throw Error(ErrorCode::InvalidArgument, "choose the target column to predict");
  if (!(request_.budgetSeconds > 0)) throw Error(ErrorCode::InvalidArgument, "AutoML needs a time budget above 0 seconds");
  if (project_) project_->requireWritable();
  const auto table = TuningSupport::table(project_, request_.table, request_.datasetVersionId, context.subRange(0.0, 0.02));
  if (!table->indexOf(request_.target))
    throw Error(ErrorCode::InvalidArgument, "there is no column '" + request_.target + "' to predict");
  const ml::Task task = ml::FeatureEncoder::taskOf(*table, request_.target);
  task_ = ml::taskName(task);
  objective_ = TuningSupport::objective(task, request_.objective);
  maximize_ = eval::Metric::higherIsBetter(objective_);

  // The families that can learn the task, each with the rows as it wants them encoded.
  const std::vector<std::string> names =
      request_.algorithms.empty() ? TuningSupport::supervisedAlgorithms() : request_.algorithms;
  std::map<int, std::unique_ptr<Encoding>> encodings;
  const auto encodingFor = [&](ml::FeatureEncoder::Categories categories) -> Encoding& {
    auto& encoding = encodings[static_cast<int>(categories)];
    if (!encoding) {
      auto encoder = ml::FeatureEncoder::fit(*table, request_.target, {}, categories);
      auto data = encoder.encodeTraining(*table);
      encoding = std::make_unique<Encoding>(Encoding{std::move(encoder), std::move(data)});
    }
    return *encoding;
  };
  std::vector<std::unique_ptr<Family>> families;
  for (std::size_t i = 0; i < names.size(); ++i) {
    const std::string& algorithm = names[i];
    if (!ml::EstimatorRegistry::create(algorithm)->supports(task)) continue;
    Encoding* encoding = &encodingFor(ml::EstimatorRegistry::categoriesFor(algorithm));
    auto family = std::make_unique<Family>();
    family->algorithm = algorithm;
    family->space = SearchSpace::defaultFor(algorithm);
    if (TuningSupport::needsFilledValues(algorithm) && encoding->data.x.hasMissing()) family->space.fixed["impute"] = "median";
    family->search = std::make_unique<TpeSearch>(family->space, request_.seed + i, 3);
    family->encoding = encoding;
    families.push_back(std::move(family));
  }
  if (families.empty()) throw Error(ErrorCode::InvalidArgument, "no algorithm can learn a " + task_ + " task");

  if (project_) {
    store::Database db = project_->connect();
    store::TuningRecord record;
    record.name = request_.name.empty() ? "AutoML" : request_.name;
    record.algorithm = "automl";
    record.target = request_.target;
    record.datasetVersionId = request_.datasetVersionId;
    record.requestJson = json({{"source", request_.source}, {"target", request_.target},
                               {"budget", request_.budgetSeconds}, {"seed", request_.seed}, {"folds", request_.folds},
                               {"objective", objective_}, {"algorithms", names}, {"ensemble", request_.ensemble}})
                             .dump();
    tuningId_ = store::TuningRepository(db).add(record);
  }

  const std::size_t parallel = std::clamp<std::size_t>(request_.parallel, 1, 16);
  // The search's share of the budget and of the progress bar; the rest is the ensemble's.
  const double searchBudget = request_.budgetSeconds * (request_.ensemble ? 1.0 - kEnsembleShare : 1.0);
  const double searchEnd = request_.ensemble ? 0.85 : 0.95;
  const auto timeLeft = [&] { return searchBudget - secondsSince(started); };
  const auto report = [&](double fraction) {
    const auto board = leaderboard();
    for (std::size_t i = 0; i < board.size(); ++i)
      if (std::isfinite(board[i].best.score)) context.point("leaderboard", static_cast<double>(i + 1), board[i].best.score);
    std::string message = std::to_string(trials_.size()) + " trials";
    if (!board.empty() && std::isfinite(board.front().best.score))
      message += " · best " + board.front().algorithm + " " + objective_ + " " + std::to_string(board.front().best.score);
    context.progress(fraction, message);
  };
  const auto searchProgress = [&] {
    return std::min(searchEnd, 0.02 + (searchEnd - 0.02) * (1.0 - std::max(0.0, timeLeft()) / searchBudget));
  };
  // Stores a trial's run (with a project: `db`) and puts the trial on the board.
  const auto record = [&](std::optional<store::Database>& db, const std::string& algorithm,
                          TrialRunner::Outcome& outcome, const std::string& label) {
    if (db) {
      outcome.run.name = (request_.name.empty() ? std::string("AutoML") : request_.name) + " · " + label;
      outcome.run.tags = {store::TuningRepository::trialTag(tuningId_), "automl"};
      outcome.trial.runId = store::RunRepository(*db).add(outcome.run);
    }
    trials_.emplace_back(algorithm, std::move(outcome.trial));
  };
  // The best complete trials so far, with their out-of-fold predictions.
  EnsembleSelection ensemble(objective_, maximize_);
  // Runs items `parallel` at a time and records each as it lands.
  // (The defaults round runs whole, whatever the budget: every family gets onto the board.)
  const auto runItems = [&](std::vector<Item> items, bool withinBudget) {
    for (std::size_t from = 0; from < items.size(); from += parallel) {
      context.throwIfStopped();
      if (withinBudget && timeLeft() <= 0) return;
      const std::size_t to = std::min(items.size(), from + parallel);
      std::vector<TrialRunner::Request> batch;
      std::vector<eval::Predictions> outOfFold(to - from);
      for (std::size_t i = from; i < to; ++i) {
        const Item& item = items[i];
        batch.push_back({{item.family->algorithm, request_.target, request_.datasetVersionId, request_.folds,
                          request_.seed, objective_, request_.lineageJson},
                         item.number, item.parameters, &item.family->encoding->data, nullptr,
                         request_.ensemble ? &outOfFold[i - from] : nullptr});
      }
      std::vector<TrialRunner::Outcome> outcomes = TrialRunner::evaluateAll(batch, context);
      std::optional<store::Database> db;
      if (project_) db.emplace(project_->connect());
      for (std::size_t k = 0; k < outcomes.size(); ++k) {
        Family& family = *items[from + k].family;
        const std::string label = family.algorithm + " trial " + std::to_string(outcomes[k].trial.number);
        record(db, family.algorithm, outcomes[k], label);
        family.seconds += outcomes[k].trial.seconds;
        family.trials.push_back(trials_.back().second);
        const Trial& t = trials_.back().second;
        if (request_.ensemble && t.state == Trial::State::Complete)
          ensemble.offer({family.algorithm, t.parameters, t.score, std::move(outOfFold[k])});
      }
      report(searchProgress());
    }
  };

  // Round 0: every family with its defaults, the quick ones first.
  std::vector<Item> defaults;
  for (auto& f : families) defaults.push_back({f.get(), f->next++, f->space.fixed});
  runItems(std::move(defaults), false);

  // Then TPE within each family still in the race, the best first; the last drops out each round.
  std::vector<Family*> alive;
  for (auto& f : families) alive.push_back(f.get());
  int rounds = 0;
  while (timeLeft() > 0) {
    context.throwIfStopped();
    std::stable_sort(alive.begin(), alive.end(), [this](const Family* a, const Family* b) {
      const Trial* ta = a->best(maximize_);
      const Trial* tb = b->best(maximize_);
      if (!tb) return ta != nullptr;
      if (!ta) return false;
      return maximize_ ? ta->score > tb->score : ta->score < tb->score;
    });
    std::vector<Item> round;
    for (Family* f : alive) {
      // A family whose next batch cannot finish in the time left waits for a later round.
      if (f->meanSeconds() > timeLeft() && f != alive.front()) continue;
      for (std::size_t k = 0; k < parallel; ++k) {
        const int number = f->next++;
        auto suggestion = f->search->suggest(number, f->trials, maximize_);
        if (suggestion) round.push_back({f, number, f->space.withFixed(std::move(*suggestion))});
      }
    }
    if (round.empty()) break;
    runItems(std::move(round), true);
    // Defaults mislead (XGBoost's lose to naive Bayes on credit-g, tuned they win): every family
    // gets two rounds of search before the last starts dropping out, and three stay.
    if (++rounds > 2 && alive.size() > 3) alive.pop_back();
  }
  context.throwIfStopped();

  // The ensemble of the best trials, judged as one more trial on the same folds. Its members
  // share one encoder, so it learns from one-hot columns (its tree members see them folded back
  // into level codes, as in their own trials).
  const json members = ensemble.candidates().size() >= 2 ? ensemble.members() : json::array();
  const Encoding* oneHot = nullptr;
  try {
    if (members.size() >= 2) oneHot = &encodingFor(ml::FeatureEncoder::Categories::OneHot);
  } catch (const Error&) {
    // A category with too many levels to one-hot encode (only trees were searched): no ensemble.
  }
  if (oneHot) {
    const std::string label = "ensemble of " + std::to_string(members.size()) + " models";
    context.progress(searchEnd, "Cross-validating an " + label);
    auto outcome = TrialRunner::evaluate(
        {kEnsemble, request_.target, request_.datasetVersionId, request_.folds, request_.seed, objective_,
         request_.lineageJson},
        1,
        json{{"members", members}}, oneHot->data, nullptr, context);
    std::optional<store::Database> db;
    if (project_) db.emplace(project_->connect());
    record(db, kEnsemble, outcome, label);
    report(0.95);
  }
  context.throwIfStopped();

  // The winner's model, fitted on every row.
  const auto board = leaderboard();
  const bool found = !board.empty() && std::isfinite(board.front().best.score);
  std::optional<std::int64_t> bestRun;
  if (found && project_ && board.front().best.runId) {
    const LeaderboardEntry& top = board.front();
    bestRun = top.best.runId;
    store::Database db = project_->connect();
    const Encoding* encoding = nullptr;
    if (top.algorithm == kEnsemble) {
      encoding = &encodingFor(ml::FeatureEncoder::Categories::OneHot);
    } else {
      const auto family = std::find_if(families.begin(), families.end(),
                                       [&](const auto& f) { return f->algorithm == top.algorithm; });
      encoding = (*family)->encoding;
    }
    TuningSupport::keepModel(db, *bestRun, encoding->encoder, top.algorithm, top.best.parameters, encoding->data,
                             context.subRange(0.95, 1.0));
  }
  if (project_) {
    store::Database db = project_->connect();
    store::TuningRepository(db).finish(tuningId_, found ? store::RunStatus::Finished : store::RunStatus::Failed, bestRun);
  }
  seconds_ = secondsSince(started);
  if (!found) {
    if (trials_.empty())
      throw Error(ErrorCode::InvalidArgument, "the budget of " + std::to_string(static_cast<int>(request_.budgetSeconds)) +
                                                  " s ended before a trial finished; give AutoML more time");
    throw Error(ErrorCode::InvalidArgument, "no trial finished; the first said: " + trials_.front().second.error);
  }
  context.progress(1.0, "AutoML done");
}

}  // namespace lathe::tune
