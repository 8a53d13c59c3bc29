#include "app/cli/Cli.h"

#include <ostream>

#include "app/cli/CommandLine.h"
#include "app/cli/ImportCommand.h"
#include "app/cli/ImportOptions.h"
#include "app/cli/ProjectCommand.h"
#include "app/cli/RunCommand.h"
#include "app/cli/EndpointCommand.h"
#include "app/cli/ModelCommand.h"
#include "app/cli/MonitorCommand.h"
#include "app/cli/PredictCommand.h"
#include "app/cli/RunsCommand.h"
#include "app/cli/ServeCommand.h"
#include "app/cli/TrainCommand.h"
#include "app/cli/TuneCommand.h"
#include "app/cli/AutoMlCommand.h"
#include "engine/core/Error.h"
#include "engine/core/LinkedLibraries.h"
#include "engine/jobs/JobCancelled.h"
#include "engine/core/Version.h"

namespace lathe::cli {
namespace {

void printHelp(std::ostream& out) {
  out << "Usage: lathe COMMAND [OPTIONS]\n"
         "\n"
         "Lathe runs the machine-learning work of Lathe Studio headless: the same engine,\n"
         "the same results, for scripts and servers.\n"
         "\n"
         "Commands:\n"
         "  import FILE [--format F] [--encoding E] [--delimiter D] [--no-header]\n"
         "              [--table T] [--threads N] [--json]\n"
         "                   Read a CSV/TSV, ARFF, JSON, JSON Lines or SQLite file and print its\n"
         "                   rows, column types, missing values, warnings and a profile.\n"
      << ImportOptions::help()
      << "  train FILE --target COL --algo NAME [--cv K | --holdout F] [--seed S]\n"
         "              [--param K=V]... [import options] [--json]\n"
         "                   Estimate a model's scores on FILE by k-fold cross-validation (5 folds\n"
         "                   unless told) or a holdout of fraction F. NAME: logistic, linear, tree,\n"
         "                   forest, xgboost, knn, naive_bayes, mlp, kmeans, pca, dbscan,\n"
         "                   isolation_forest; --param sets the algorithm's parameters\n"
         "                   (C=0.5, max_depth=4, hidden_layer_sizes=[50,50]).\n"
         "  tune FILE --target COL --algo NAME [--trials N] [--strategy random|grid|bayes]\n"
         "              [--objective METRIC] [--budget SECONDS] [--cv K] [--seed S] [--parallel P]\n"
         "              [--space JSON|FILE] [--no-pruning] [--project PATH [--resume ID]]\n"
         "              [import options] [--json]\n"
         "                   Search NAME's hyperparameters (20 trials unless told; bayes: TPE) by\n"
         "                   k-fold cross-validation (5 folds), P trials at a time (2), trials\n"
         "                   worse than the median after a fold stopped early. The objective is\n"
         "                   roc_auc, accuracy or r2 by task unless told. --space replaces the\n"
         "                   built-in space: {\"C\": {\"low\": 0.001, \"high\": 100, \"log\": true},\n"
         "                   \"penalty\": [\"l1\", \"l2\"]}. --project records every trial as a run\n"
         "                   (the best with its model); --resume ID carries on a stopped tuning.\n"
         "  automl FILE --target COL --budget SECONDS [--objective METRIC] [--algos A,B,...]\n"
         "              [--cv K] [--seed S] [--parallel P] [--no-ensemble] [--project PATH]\n"
         "              [import options] [--json]\n"
         "                   Try every algorithm that can learn COL with its defaults, then tune\n"
         "                   the leaders (TPE) until the budget is spent; then judge a weighted\n"
         "                   vote of the best trials (ensemble selection; not with --no-ensemble)\n"
         "                   the same way. Print the leaderboard (best per algorithm, and the\n"
         "                   \"ensemble\" with its members) and the winner. --project records every\n"
         "                   trial and keeps the winner's model with its run.\n"
         "  project new PATH (--name N | --demo) [--goal TEXT] [--kpi METRIC] [--target VALUE]\n"
         "                   Create a project file (*.lathe). --demo writes the German credit demo\n"
         "                   (credit-g.arff, a goal, KPI, cost matrix and a pipeline; the file is\n"
         "                   read from $LATHE_DEMO_DATA, else ../share/lathe/demo beside lathe,\n"
         "                   else the source tree's shared/datasets); --kpi: the metric the\n"
         "                   project is judged by (roc_auc, f1,\n"
         "                   rmse, ... as scikit-learn spells it); --target: the value that counts\n"
         "                   as success.\n"
         "  project add-data PATH FILE [--name DATASET] [import options] [--json]\n"
         "                   Import FILE (with the options of import) and store it in the project\n"
         "                   as a new dataset named after the file; prints the version id. The\n"
         "                   project must not be open in Lathe Studio meanwhile.\n"
         "  project info PATH [--json]\n"
         "                   The project's goal, KPI, values, format, datasets with their\n"
         "                   versions, and how many runs and models it holds.\n"
         "  run PROJECT [--pipeline NAME] [--seed S] [--json]\n"
         "                   Run a pipeline of the project headless (the only one, or NAME), as\n"
         "                   the studio's Run all does: progress per node, the runs it trains\n"
         "                   recorded in the project, each node's state and the runs' metrics\n"
         "                   printed. The same seed (0 unless told) gives the same metrics. Exit 1\n"
         "                   when a node failed. The project must not be open in Lathe Studio\n"
         "                   meanwhile.\n"
         "  runs PATH [--json]\n"
         "                   The project's experiment runs with their scores (test, else\n"
         "                   validation, else cross-validation) and tags; * marks the candidate.\n"
         "  model register PROJECT RUN --name NAME [--json]\n"
         "                   Register run RUN's model as the next version of NAME: the model, the\n"
         "                   recipes that made its data (fitted again), the columns it expects,\n"
         "                   the data's hash, its metrics and the decision threshold with the best\n"
         "                   expected value under the project's cost matrix (0.5 without one).\n"
         "  model list PROJECT [--json]\n"
         "                   Every registered version with its alias.\n"
         "  model alias PROJECT NAME:VERSION candidate|production|archived|none [--reason T]\n"
         "                   Move an alias (the old production version is archived); recorded.\n"
         "  model history PROJECT NAME [--json]\n"
         "                   Every move of NAME's aliases, with its time and reason.\n"
         "  model export PROJECT NAME[:VERSION] [--output FILE] [--xgboost-json FILE]\n"
         "              [--encoder FILE]\n"
         "                   Write the version as a portable bundle (data only) that lathe serve\n"
         "                   loads anywhere, an XGBoost model in XGBoost's own JSON, and/or how\n"
         "                   the model encodes columns into features (JSON).\n"
         "  predict PROJECT --model NAME[:VERSION|:ALIAS] (--input FILE | --dataset NAME[:N])\n"
         "              --output FILE [--key COL]... [--json]\n"
         "                   Score FILE (CSV, ARFF, JSON) or a project dataset (its newest version\n"
         "                   unless :N) with a registered version (its production\n"
         "                   version, else its newest, when no version is given): the recipe as in\n"
         "                   training, the prediction, each class's probability and the decision.\n"
         "  endpoint create PROJECT NAME --variant NAME:VERSION=WEIGHT... [--canary N:V=W]\n"
         "              [--key-column COL] [--sampling F] [--json]\n"
         "                   An endpoint serving registered versions, traffic split by weight\n"
         "                   (weights sum to 1; a row's value of COL keys its variant); prints its\n"
         "                   token. F: the share of requests whose inputs and outputs are logged.\n"
         "  endpoint list|show PROJECT [NAME] [--json]\n"
         "                   Endpoints, their token, weights, traffic per variant and changes.\n"
         "  endpoint weights PROJECT NAME --variant NAME:VERSION=WEIGHT... [--reason T]\n"
         "  endpoint settings PROJECT NAME [--sampling F] [--key-column COL | --no-key-column]\n"
         "              [--log-retention-days D] [--reason T] [--json]\n"
         "                   Show or change what is logged and what keys a row's variant; a\n"
         "                   running server follows within a second.\n"
         "  endpoint canary PROJECT NAME (--step | --rollback | --promote) [--reason T]\n"
         "                   Step the canary's share up, roll it back, or promote it to production.\n"
         "  endpoint ab PROJECT NAME --labels FILE --key COL --label COL [--metric M]\n"
         "              [--positive CLASS] [--json]\n"
         "                   Join labels to the logged answers by key and compare the variants on\n"
         "                   the KPI: intervals, p-value, and whether the difference is real yet.\n"
         "  serve PROJECT --endpoint NAME [--port P] [--token T] [--host H] [--threads N]\n"
         "              [--rate-limit R]\n"
         "  serve BUNDLE --token T [--port P] ...\n"
         "                   Serve an endpoint (or an exported bundle) over HTTP on 127.0.0.1:P\n"
         "                   (8321 unless told) until Ctrl-C: POST /v1/endpoints/NAME/predict,\n"
         "                   GET /v1/endpoints/NAME, GET /health; requests are logged to the project.\n"
         "  monitor PROJECT [--schedule NAME] [--all] [--json]\n"
         "                   Run the monitoring schedules that are due (for cron) and store the runs.\n"
         "  monitor PROJECT --baseline DATASET --current FILE [--model M] [--labels FILE\n"
         "              --key COL] [--sensitive COL] [--json]\n"
         "                   Compare FILE with a dataset (or a stored baseline): drift per feature\n"
         "                   (KS, chi-square, PSI), constraint violations and, with a model,\n"
         "                   prediction drift, quality, bias and attribution drift.\n"
         "  monitor baseline PROJECT NAME (--dataset D | --file F) [--model M] [--sensitive COL]\n"
         "                   Store a baseline: each feature's statistics and suggested constraints.\n"
         "  monitor schedule PROJECT NAME --baseline B (--file F | --dataset D | --endpoint E\n"
         "              [--window-hours H]) [--model M] [--labels FILE --key COL] [--sensitive COL]\n"
         "              [--every MINUTES]\n"
         "                   Store a monitoring schedule; it runs in the studio and from cron.\n"
         "  monitor history PROJECT [--schedule NAME] [--json]\n"
         "                   The stored monitoring runs and the retraining decisions.\n"
         "\n"
         "Options:\n"
         "  -h, --help       Show this help and exit.\n"
         "  -V, --version    Show the version of lathe and of the libraries it runs with.\n"
         "\n"
         "Exit status: 0 on success, 1 when the work failed, 2 on bad input or usage\n"
         "(with one line on stderr naming the file, line and column where it applies),\n"
         "130 when stopped with Ctrl-C.\n";
}

void printVersion(std::ostream& out) {
  out << "lathe " << kVersion << '\n';
  for (const auto& lib : linkedLibraries()) out << "  " << lib.name << ' ' << lib.version << '\n';
}

// Runs a command, turning its failures into the contract's exit codes and one line on stderr.
int guarded(int (*command)(const std::vector<std::string>&, std::ostream&, std::ostream&),
            const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  const std::vector<std::string> rest(args.begin() + 1, args.end());
  try {
    return command(rest, out, err);
  } catch (const UsageError& e) {
    err << "lathe " << args.front() << ": " << e.message << '\n';
    return kExitUsage;
  } catch (const jobs::JobCancelled&) {
    err << "lathe " << args.front() << ": cancelled\n";
    return kExitCancelled;
  } catch (const Error& e) {
    err << "lathe " << args.front() << ": " << e.what() << '\n';
    return e.code() == ErrorCode::Internal ? kExitFailure : kExitUsage;
  }
}

}  // namespace

int run(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  if (args.empty()) {
    printHelp(err);
    return kExitUsage;
  }
  const std::string& first = args.front();
  if (first == "-h" || first == "--help" || first == "help") {
    printHelp(out);
    return kExitOk;
  }
  if (first == "-V" || first == "--version" || first == "version") {
    printVersion(out);
    return kExitOk;
  }
  if (first == "import") return guarded(runImport, args, out, err);
  if (first == "project") return guarded(runProject, args, out, err);
  if (first == "run") return guarded(runRun, args, out, err);
  if (first == "runs") return guarded(runRuns, args, out, err);
  if (first == "train") return guarded(runTrain, args, out, err);
  if (first == "tune") return guarded(runTune, args, out, err);
  if (first == "automl") return guarded(runAutoMl, args, out, err);
  if (first == "model") return guarded(runModel, args, out, err);
  if (first == "predict") return guarded(runPredict, args, out, err);
  if (first == "endpoint") return guarded(runEndpoint, args, out, err);
  if (first == "serve") return guarded(runServe, args, out, err);
  if (first == "monitor") return guarded(runMonitor, args, out, err);
  if (!first.empty() && first.front() == '-')
    err << "lathe: unknown option '" << first << "' (see lathe --help)\n";
  else
    err << "lathe: unknown command '" << first << "' (see lathe --help)\n";
  return kExitUsage;
}

}  // namespace lathe::cli
