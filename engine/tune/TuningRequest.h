#pragma once
#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "engine/data/Table.h"
#include "engine/tune/SearchSpace.h"

namespace lathe::tune {

// What to tune and how: the data (a table, or a project dataset version read on the job's
// thread), the target, the algorithm and its space, the strategy, the objective metric (empty:
// the task's headline metric: roc_auc, accuracy or r2) and the budgets. Trials run `parallel`
// at a time, each judged by `folds`-fold cross-validation with the seed's folds.
struct TuningRequest {
  std::shared_ptr<const data::Table> table;
  std::optional<std::int64_t> datasetVersionId;
  std::string lineageJson = "{}";  // a pipeline's TableLineage of `table` (not resumed: a node reruns it)
  std::string source;  // where the data came from, for the record (a file path, a dataset name)
  std::string target;
  std::string algorithm;
  SearchSpace space;
  std::string strategy = "bayes";
  std::string objective;
  std::size_t trials = 20;
  double timeBudgetSeconds = 0.0;  // 0: no time limit
  std::uint64_t seed = 0;
  std::size_t folds = 5;
  std::size_t parallel = 2;
  bool pruning = true;
  std::string name;

  // Everything but the table, as the project's tuning record keeps it.
  nlohmann::json toJson() const;
  // Throws lathe::Error for a malformed record.
  static TuningRequest fromJson(const nlohmann::json& json);
};

}  // namespace lathe::tune
