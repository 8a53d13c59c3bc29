#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace lathe::store {

// Where a run is in its life. A run is stored when it starts (Running) and updated when it ends.
enum class RunStatus { Running, Finished, Failed, Cancelled };

// The spelling the project file (and the CLI's JSON) uses.
constexpr std::string_view runStatusName(RunStatus status) {
  switch (status) {
    case RunStatus::Running: return "running";
    case RunStatus::Finished: return "finished";
    case RunStatus::Failed: return "failed";
    case RunStatus::Cancelled: return "cancelled";
  }
  return "failed";
}

constexpr std::optional<RunStatus> runStatusFromName(std::string_view name) {
  for (auto status : {RunStatus::Running, RunStatus::Finished, RunStatus::Failed, RunStatus::Cancelled})
    if (runStatusName(status) == name) return status;
  return std::nullopt;
}

// One score of a run on one split ("train", "validation", "test", "cv"); the name as
// scikit-learn spells it. A metric that could not be computed is NaN (stored as NULL).
struct RunMetric {
  std::string split;
  std::string name;
  double value = 0.0;
};

// A curve of a run: "roc", "pr", "learning" or "training". `label` names the class of a
// one-vs-rest curve ("" otherwise). `thresholds` may be empty or shorter than x (a PR curve).
struct RunCurve {
  std::string kind;
  std::string split;
  std::string label;
  std::vector<double> x;
  std::vector<double> y;
  std::vector<double> thresholds;
};

// counts[actual][predicted], both in the order of `labels`.
struct RunConfusion {
  std::string split;
  std::vector<std::string> labels;
  std::vector<std::vector<std::int64_t>> counts;
};

struct FeatureImportance {
  std::string feature;
  double importance = 0.0;
};

// A trained model in its own data format ("xgboost-ubj", "lathe-json", ...): bytes, never code.
struct ModelArtifact {
  std::string format;
  std::vector<std::uint8_t> bytes;
};

// One training, with everything needed to judge and reproduce it.
struct ExperimentRun {
  std::int64_t id = 0;  // set by the store
  std::string name;
  std::string algorithm;  // logistic, forest, xgboost, ...
  std::string task;       // binary, multiclass, regression, clustering
  RunStatus status = RunStatus::Finished;
  std::optional<std::int64_t> datasetVersionId;
  std::string recipeHash;
  std::string target;
  std::optional<std::int64_t> seed;
  std::string validationJson = "{}";  // JSON object: the validation scheme
  std::string parametersJson = "{}";  // JSON object: the hyperparameters
  std::string timingsJson = "{}";     // JSON object: phase -> seconds
  // JSON object: how a pipeline made the run's table from its source, when it did (the source's
  // columns and the fitted recipes on the way: {"source_schema": [...], "recipes": [...]});
  // registering the model repeats them when it scores. "{}" for a run on a stored version.
  std::string lineageJson = "{}";
  std::vector<FeatureImportance> featureImportances;
  std::string startedAt;  // ISO 8601 UTC; empty: the store stamps "now"
  double durationSeconds = 0.0;
  std::string notes;
  bool candidate = false;  // the run the user marked for deployment; at most one per project
  std::vector<std::string> tags;
  std::vector<RunMetric> metrics;
  std::vector<RunCurve> curves;
  std::vector<RunConfusion> confusions;
};

// A row of the experiments table: what it shows without loading curves or models.
struct RunSummary {
  std::int64_t id = 0;
  std::string name;
  std::string algorithm;
  std::string task;
  RunStatus status = RunStatus::Finished;
  std::optional<std::int64_t> datasetVersionId;
  std::string startedAt;
  double durationSeconds = 0.0;
  bool candidate = false;
  std::vector<std::string> tags;
  std::vector<RunMetric> metrics;
  bool hasModel = false;
};

}  // namespace lathe::store
