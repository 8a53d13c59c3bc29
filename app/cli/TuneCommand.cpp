#include "app/cli/TuneCommand.h"

#include <fstream>
#include <iomanip>
#include <nlohmann/json.hpp>
#include <ostream>
#include <sstream>

#include "app/cli/Cli.h"
#include "app/cli/CommandLine.h"
#include "app/cli/ConsoleJob.h"
#include "app/cli/ImportOptions.h"
#include "app/cli/WritableProject.h"
#include "engine/core/Error.h"
#include "engine/data/DataImporter.h"
#include "engine/store/Project.h"
#include "engine/tune/SearchStrategy.h"
#include "engine/tune/TuneJob.h"

namespace lathe::cli {
namespace {

using nlohmann::json;

// --space: JSON text, or a file holding it.
tune::SearchSpace readSpace(const std::string& text) {
  json parsed = json::parse(text, nullptr, false);
  if (parsed.is_discarded()) {
    std::ifstream file(text);
    if (!file) throw UsageError{"--space takes a JSON object or a file holding one; '" + text + "' is neither"};
    std::stringstream content;
    content << file.rdbuf();
    parsed = json::parse(content.str(), nullptr, false);
    if (parsed.is_discarded()) throw Error(ErrorCode::Parse, "the search space is not JSON", {text});
  }
  return tune::SearchSpace::fromJson(parsed);
}

std::string parametersText(const json& parameters, const tune::SearchSpace& space) {
  std::string text;
  for (const auto& p : space.parameters)
    if (parameters.contains(p.name)) {
      const json& v = parameters[p.name];
      std::string value = v.is_string() ? v.get<std::string>() : v.dump();
      if (v.is_number_float()) {
        std::ostringstream number;
        number << std::setprecision(4) << v.get<double>();
        value = number.str();
      }
      text += (text.empty() ? "" : " ") + p.name + "=" + value;
    }
  return text;
}

json trialJson(const tune::Trial& t) {
  json out = {{"number", t.number},         {"state", tune::trialStateName(t.state)},
              {"parameters", t.parameters}, {"fold_scores", t.foldScores},
              {"seconds", t.seconds}};
  out["score"] = std::isfinite(t.score) ? json(t.score) : json(nullptr);
  if (t.runId) out["run"] = t.runId;
  if (!t.error.empty()) out["error"] = t.error;
  return out;
}

}  // namespace

int runTune(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  CommandLine::Spec spec{{"--target", "--algo", "--trials", "--strategy", "--objective", "--budget", "--cv", "--seed",
                          "--parallel", "--space", "--project", "--resume"},
                         {},
                         {"--json", "--no-pruning"}};
  ImportOptions::addTo(spec);
  const CommandLine line(args, spec);
  if (line.positionals().size() != 1) throw UsageError{"tune takes one FILE (see lathe --help)"};
  const std::string& file = line.positionals().front();
  if (line.value("--resume") && !line.value("--project")) throw UsageError{"--resume needs the --project it was recorded in"};

  std::shared_ptr<store::Project> project;
  if (const auto path = line.value("--project")) project = openWritableProject(*path);

  data::ImportJob import(ImportOptions::request(line, file));
  runConsoleJob(import);
  auto table = std::make_shared<const data::Table>(std::move(import.result().table));

  std::unique_ptr<tune::TuneJob> job;
  if (const auto resume = line.number<std::int64_t>("--resume")) {
    job = tune::TuneJob::resume(project, *resume, table);
  } else {
    tune::TuningRequest request;
    const auto target = line.value("--target");
    const auto algorithm = line.value("--algo");
    if (!target) throw UsageError{"tune needs --target COLUMN"};
    if (!algorithm) throw UsageError{"tune needs --algo NAME (logistic, linear, tree, forest, xgboost, knn, naive_bayes, mlp)"};
    if (!table->indexOf(*target)) throw Error(ErrorCode::InvalidArgument, "no column '" + *target + "' to predict", {file}, *target);
    request.table = table;
    request.source = file;
    request.target = *target;
    request.algorithm = *algorithm;
    request.space = line.value("--space") ? readSpace(*line.value("--space")) : tune::SearchSpace::defaultFor(*algorithm);
    request.strategy = line.value("--strategy").value_or("bayes");
    const auto& strategies = tune::SearchStrategy::names();
    if (std::find(strategies.begin(), strategies.end(), request.strategy) == strategies.end())
      throw UsageError{"--strategy takes random, grid or bayes, got '" + request.strategy + "'"};
    request.objective = line.value("--objective").value_or("");
    request.trials = line.number<std::size_t>("--trials").value_or(20);
    if (request.trials == 0 || request.trials > 100000) throw UsageError{"--trials takes a number from 1 to 100000"};
    request.timeBudgetSeconds = line.number<double>("--budget").value_or(0.0);
    if (request.timeBudgetSeconds < 0) throw UsageError{"--budget takes seconds, 0 or more"};
    request.folds = line.number<std::size_t>("--cv").value_or(5);
    request.seed = line.number<std::uint64_t>("--seed").value_or(0);
    request.parallel = line.number<std::size_t>("--parallel").value_or(2);
    if (request.parallel == 0 || request.parallel > 16) throw UsageError{"--parallel takes a number from 1 to 16"};
    request.pruning = !line.flag("--no-pruning");
    request.name = "Tune " + *algorithm;
    job = std::make_unique<tune::TuneJob>(project, std::move(request));
  }
  runConsoleJob(*job);

  const auto& request = job->request();
  const tune::Trial* best = job->best();
  if (line.flag("--json")) {
    json trials = json::array();
    for (const auto& t : job->trials()) trials.push_back(trialJson(t));
    json result = {{"task", job->task()},
                   {"algorithm", request.algorithm},
                   {"strategy", request.strategy},
                   {"objective", job->objective()},
                   {"direction", job->maximize() ? "maximize" : "minimize"},
                   {"folds", request.folds},
                   {"space", request.space.toJson()},
                   {"trials", trials},
                   {"seconds", job->seconds()}};
    result["best"] = best ? trialJson(*best) : json(nullptr);
    if (job->tuningId()) result["tuning"] = job->tuningId();
    out << result.dump() << '\n';
    return best ? kExitOk : kExitFailure;
  }
  out << "Tuning " << request.algorithm << " on " << file << ": " << job->task() << ", " << request.strategy
      << " search, " << request.folds << "-fold cross-validation, objective " << job->objective() << " ("
      << (job->maximize() ? "higher" : "lower") << " is better)\n";
  out << "  trial  " << std::left << std::setw(10) << job->objective() << std::setw(10) << "state" << std::setw(9)
      << "seconds" << "parameters\n";
  for (const auto& t : job->trials()) {
    out << "  " << std::left << std::setw(7) << t.number << std::setw(10)
        << (std::isfinite(t.score) ? (std::ostringstream() << std::fixed << std::setprecision(4) << t.score).str() : "-")
        << std::setw(10) << tune::trialStateName(t.state) << std::setw(9)
        << (std::ostringstream() << std::fixed << std::setprecision(1) << t.seconds).str()
        << parametersText(t.parameters, request.space) << '\n';
    if (!t.error.empty()) err << "trial " << t.number << " failed: " << t.error << '\n';
  }
  if (!best) {
    err << "lathe: no trial finished\n";
    return kExitFailure;
  }
  out << "best: trial " << best->number << ", " << job->objective() << " " << std::fixed << std::setprecision(4)
      << best->score << " (" << parametersText(best->parameters, request.space) << ")\n";
  if (job->tuningId())
    out << "recorded as tuning " << job->tuningId() << " in " << *line.value("--project") << " (best run "
        << best->runId << ", with its model)\n";
  out << std::setprecision(1) << job->seconds() << " s\n";
  return kExitOk;
}

}  // namespace lathe::cli
