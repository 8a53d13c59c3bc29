#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "engine/store/ExperimentRun.h"
#include "engine/tune/Trial.h"

namespace lathe::eval {
struct Predictions;
}
namespace lathe::jobs {
class JobContext;
}
namespace lathe::ml {
struct TrainingData;
}

namespace lathe::tune {

class MedianPruner;

// What every trial of one search shares.
struct TrialSetup {
  std::string algorithm;
  std::string target;
  std::optional<std::int64_t> datasetVersionId;
  std::size_t folds = 5;
  std::uint64_t seed = 0;
  std::string objective;
  std::string lineageJson = "{}";  // a pipeline's TableLineage of the table, kept with each run
};

// Runs one trial: k-fold cross-validation of the algorithm with the trial's parameters (the
// objective first among the metrics, so its fold scores are what the pruner watches), stopped
// early when `pruner` says so. A parameter the algorithm refuses, or a fit that fails, is a
// Failed trial with its reason; only a Cancel of the whole job (the context's stop) throws.
// Returns the trial and the run that records it (not stored: no id, name or tags yet). For a
// complete trial, `outOfFold` (when given) receives every row's prediction by the fold model
// that did not see it: what AutoML's ensemble selection blends. (An out-parameter rather than a
// member of Outcome, whose two members callers unpack with structured bindings.)
class TrialRunner {
 public:
  struct Outcome {
    Trial trial;
    store::ExperimentRun run;
  };

  static Outcome evaluate(const TrialSetup& setup, int number, const nlohmann::json& parameters,
                          const ml::TrainingData& data, const MedianPruner* pruner, const jobs::JobContext& context,
                          eval::Predictions* outOfFold = nullptr);

  // One trial of a batch.
  struct Request {
    TrialSetup setup;
    int number = 0;
    nlohmann::json parameters;
    const ml::TrainingData* data = nullptr;
    const MedianPruner* pruner = nullptr;
    eval::Predictions* outOfFold = nullptr;  // filled for a complete trial, when given
  };
  // Runs a batch at once, one thread per trial (the first on the caller's), and gives the
  // outcomes in the batch's order. A Cancel is rethrown once every trial has ended.
  static std::vector<Outcome> evaluateAll(const std::vector<Request>& batch, const jobs::JobContext& context);
};

}  // namespace lathe::tune
