#include "app/cli/AutoMlCommand.h"

#include <cmath>
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
#include "engine/tune/AutoMlJob.h"
#include "engine/tune/TuningSupport.h"

namespace lathe::cli {
namespace {

using nlohmann::json;

std::vector<std::string> splitList(const std::string& text) {
  std::vector<std::string> out;
  std::stringstream in(text);
  for (std::string item; std::getline(in, item, ',');)
    if (!item.empty()) out.push_back(item);
  return out;
}

}  // namespace

int runAutoMl(const std::vector<std::string>& args, std::ostream& out, std::ostream& /*err*/) {
  CommandLine::Spec spec{{"--target", "--budget", "--objective", "--algos", "--cv", "--seed", "--parallel", "--project"},
                         {},
                         {"--json", "--no-ensemble"}};
  ImportOptions::addTo(spec);
  const CommandLine line(args, spec);
  if (line.positionals().size() != 1) throw UsageError{"automl takes one FILE (see lathe --help)"};
  const std::string& file = line.positionals().front();
  const auto target = line.value("--target");
  if (!target) throw UsageError{"automl needs --target COLUMN"};
  const auto budget = line.number<double>("--budget");
  if (!budget) throw UsageError{"automl needs --budget SECONDS"};
  if (!(*budget > 0 && *budget <= 7 * 24 * 3600)) throw UsageError{"--budget takes seconds, above 0 and at most a week"};

  tune::AutoMlRequest request;
  request.target = *target;
  request.budgetSeconds = *budget;
  request.source = file;
  request.objective = line.value("--objective").value_or("");
  request.folds = line.number<std::size_t>("--cv").value_or(5);
  if (request.folds < 2) throw UsageError{"--cv takes 2 folds or more"};
  request.seed = line.number<std::uint64_t>("--seed").value_or(0);
  request.parallel = line.number<std::size_t>("--parallel").value_or(2);
  if (request.parallel == 0 || request.parallel > 16) throw UsageError{"--parallel takes a number from 1 to 16"};
  if (const auto algos = line.value("--algos")) {
    request.algorithms = splitList(*algos);
    const auto& known = tune::TuningSupport::supervisedAlgorithms();
    for (const auto& a : request.algorithms)
      if (std::find(known.begin(), known.end(), a) == known.end())
        throw UsageError{"--algos: '" + a + "' is not one of logistic, linear, tree, forest, xgboost, knn, naive_bayes, mlp"};
  }
  request.name = "AutoML";
  request.ensemble = !line.flag("--no-ensemble");

  std::shared_ptr<store::Project> project;
  if (const auto path = line.value("--project")) project = openWritableProject(*path);
  data::ImportJob import(ImportOptions::request(line, file));
  runConsoleJob(import);
  request.table = std::make_shared<const data::Table>(std::move(import.result().table));
  if (!request.table->indexOf(*target))
    throw Error(ErrorCode::InvalidArgument, "no column '" + *target + "' to predict", {file}, *target);

  tune::AutoMlJob job(project, std::move(request));
  runConsoleJob(job);
  const auto board = job.leaderboard();
  if (line.flag("--json")) {
    json rows = json::array();
    for (const auto& e : board) {
      json row = {{"algorithm", e.algorithm}, {"trials", e.trials}, {"failed", e.failed}, {"seconds", e.seconds}};
      row["score"] = std::isfinite(e.best.score) ? json(e.best.score) : json(nullptr);
      row["parameters"] = e.best.parameters;
      if (e.algorithm == "ensemble" && e.best.parameters.contains("members")) row["members"] = e.best.parameters["members"];
      if (e.best.runId) row["run"] = e.best.runId;
      rows.push_back(std::move(row));
    }
    json result = {{"task", job.task()},         {"objective", job.objective()},
                   {"direction", job.maximize() ? "maximize" : "minimize"},
                   {"budget", job.request().budgetSeconds},
                   {"trials", job.trials().size()}, {"leaderboard", rows},
                   {"best", rows.empty() ? json(nullptr) : rows.front()}, {"seconds", job.seconds()}};
    if (job.tuningId()) result["tuning"] = job.tuningId();
    out << result.dump() << '\n';
    return kExitOk;
  }
  out << "AutoML on " << file << ": " << job.task() << ", " << job.trials().size() << " trials in " << std::fixed
      << std::setprecision(1) << job.seconds() << " s, objective " << job.objective() << " ("
      << job.request().folds << "-fold cross-validation)\n";
  out << "  rank  " << std::left << std::setw(13) << "algorithm" << std::setw(10) << job.objective() << std::setw(8)
      << "trials" << "seconds\n";
  for (std::size_t i = 0; i < board.size(); ++i) {
    const auto& e = board[i];
    std::ostringstream score;
    if (std::isfinite(e.best.score)) score << std::fixed << std::setprecision(4) << e.best.score;
    else score << "-";
    out << "  " << std::left << std::setw(6) << (i + 1) << std::setw(13) << e.algorithm << std::setw(10) << score.str()
        << std::setw(8) << e.trials << std::fixed << std::setprecision(1) << e.seconds << '\n';
  }
  const auto& best = board.front();
  if (best.algorithm == "ensemble" && best.best.parameters.contains("members")) {
    // One line per member: its weight (votes) and parameters.
    const json& members = best.best.parameters["members"];
    out << "best: ensemble of " << members.size() << " models, weighted by votes:\n";
    for (const auto& m : members)
      out << "  " << m.value("weight", json(1)).dump() << " x " << m.value("algorithm", std::string()) << " "
          << m.value("parameters", json::object()).dump() << '\n';
  } else {
    out << "best: " << best.algorithm << " " << best.best.parameters.dump() << '\n';
  }
  if (job.tuningId())
    out << "recorded as tuning " << job.tuningId() << " in " << *line.value("--project") << " (best run "
        << board.front().best.runId << ", with its model)\n";
  return kExitOk;
}

}  // namespace lathe::cli
