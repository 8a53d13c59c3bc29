#include "app/cli/TrainCommand.h"

#include <chrono>
#include <cmath>
#include <iomanip>
#include <nlohmann/json.hpp>
#include <ostream>

#include "app/cli/Cli.h"
#include "app/cli/CommandLine.h"
#include "app/cli/ConsoleJob.h"
#include "app/cli/ImportOptions.h"
#include "engine/data/DataImporter.h"
#include "engine/eval/CrossValidation.h"
#include "engine/jobs/Job.h"
#include "engine/ml/EstimatorRegistry.h"
#include "engine/ml/FeatureEncoder.h"

namespace lathe::cli {
namespace {

using nlohmann::json;

// --param K=V: V as JSON when it parses (numbers, true, [100, 50]), else as text (gini).
json parseParameters(const std::vector<std::string>& pairs) {
  json parameters = json::object();
  for (const std::string& pair : pairs) {
    const auto equals = pair.find('=');
    if (equals == std::string::npos || equals == 0)
      throw UsageError{"--param takes KEY=VALUE, got '" + pair + "'"};
    const std::string key = pair.substr(0, equals);
    const std::string text = pair.substr(equals + 1);
    json value = json::parse(text, nullptr, false);
    parameters[key] = value.is_discarded() ? json(text) : value;
  }
  return parameters;
}

// The evaluation as a job, so the console shows progress and Ctrl-C stops it.
class TrainJob final : public jobs::Job {
 public:
  TrainJob(const ml::Estimator& estimator, const ml::TrainingData& data, std::optional<double> holdout,
           eval::KFoldOptions folds)
      : estimator_(estimator), data_(data), holdout_(holdout), folds_(folds) {}
  std::string name() const override { return "Train " + estimator_.algorithm(); }
  void run(jobs::JobContext& context) override {
    if (holdout_) {
      eval::HoldoutOptions split;
      split.testFraction = *holdout_;
      split.seed = folds_.seed;
      holdoutResult = eval::CrossValidation::holdout(estimator_, data_, split, {}, context);
    } else {
      eval::CrossValidationOptions options;
      options.split = folds_;
      cvResult = eval::CrossValidation::run(estimator_, data_, options, context);
    }
  }
  std::optional<eval::CrossValidationResult> cvResult;
  std::optional<eval::HoldoutResult> holdoutResult;

 private:
  const ml::Estimator& estimator_;
  const ml::TrainingData& data_;
  std::optional<double> holdout_;
  eval::KFoldOptions folds_;
};

json metricsJson(const std::vector<eval::MetricSummary>& metrics) {
  json out = json::object();
  for (const auto& m : metrics) out[m.name] = std::isfinite(m.mean) ? json(m.mean) : json(nullptr);
  return out;
}

}  // namespace

int runTrain(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  CommandLine::Spec spec{{"--target", "--algo", "--cv", "--holdout", "--seed"}, {"--param"}, {"--json"}};
  ImportOptions::addTo(spec);
  const CommandLine line(args, spec);
  if (line.positionals().size() != 1) throw UsageError{"train takes one FILE (see lathe --help)"};
  const auto target = line.value("--target");
  const auto algorithm = line.value("--algo");
  if (!target) throw UsageError{"train needs --target COLUMN"};
  if (!algorithm) throw UsageError{"train needs --algo NAME (one of: " + [] {
    std::string names;
    for (const auto& name : ml::EstimatorRegistry::algorithms()) names += (names.empty() ? "" : ", ") + name;
    return names;
  }() + ")"};
  if (line.value("--cv") && line.value("--holdout")) throw UsageError{"train takes --cv or --holdout, not both"};

  eval::KFoldOptions folds;
  if (const auto cv = line.number<std::size_t>("--cv")) folds.folds = *cv;
  if (const auto seed = line.number<std::uint64_t>("--seed")) folds.seed = *seed;
  std::optional<double> holdout;
  if (const auto fraction = line.number<double>("--holdout")) {
    holdout = *fraction;
    if (!(*holdout > 0.0 && *holdout < 1.0)) throw UsageError{"--holdout takes a fraction between 0 and 1, e.g. 0.25"};
  }
  const auto estimator = ml::EstimatorRegistry::create(*algorithm, parseParameters(line.values("--param")));

  const auto start = std::chrono::steady_clock::now();
  data::ImportJob import(ImportOptions::request(line, line.positionals().front()));
  runConsoleJob(import);
  const data::Table& table = import.result().table;
  if (!table.indexOf(*target))
    throw Error(ErrorCode::InvalidArgument, "no column '" + *target + "' to predict",
                {line.positionals().front()}, *target);
  const auto encoder = ml::FeatureEncoder::fit(table, *target, {}, ml::EstimatorRegistry::categoriesFor(*algorithm));
  const ml::TrainingData data = encoder.encodeTraining(table);
  if (!estimator->supports(data.task))
    throw Error(ErrorCode::InvalidArgument, *algorithm + " cannot learn a " + std::string(ml::taskName(data.task)) +
                                                " task (target '" + *target + "')");

  TrainJob job(*estimator, data, holdout, folds);
  runConsoleJob(job);
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();

  const auto& metrics = job.cvResult ? job.cvResult->metrics : job.holdoutResult->testMetrics;
  const auto& warnings = job.cvResult ? job.cvResult->warnings : job.holdoutResult->warnings;
  if (line.flag("--json")) {
    json result = {{"task", ml::taskName(data.task)},
                   {"algorithm", *algorithm},
                   {"rows", data.x.rows()},
                   {"features", data.x.cols()},
                   {"metrics", metricsJson(metrics)},
                   {"warnings", warnings},
                   {"seconds", seconds}};
    if (job.cvResult)
      result["folds"] = job.cvResult->folds;
    else
      result["holdout"] = *holdout;
    out << result.dump() << '\n';
    return kExitOk;
  }
  out << *algorithm << " on " << line.positionals().front() << ": " << ml::taskName(data.task) << ", "
      << data.x.rows() << " rows, " << data.x.cols() << " features\n";
  out << (job.cvResult ? std::to_string(job.cvResult->folds) + "-fold cross-validation"
                       : "holdout of " + std::to_string(*holdout))
      << ":\n";
  for (const auto& m : metrics)
    out << "  " << std::left << std::setw(18) << m.name << std::fixed << std::setprecision(4) << m.mean
        << (job.cvResult ? "  ± " + std::to_string(m.std).substr(0, 6) : std::string()) << '\n';
  for (const auto& warning : warnings) err << "warning: " << warning << '\n';
  out << std::setprecision(2) << seconds << " s\n";
  return kExitOk;
}

}  // namespace lathe::cli
