#pragma once
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "engine/data/Table.h"
#include "engine/ml/Task.h"

namespace lathe::jobs {
class JobContext;
}
namespace lathe::ml {
class FeatureEncoder;
struct TrainingData;
}  // namespace lathe::ml
namespace lathe::store {
class Database;
class Project;
}  // namespace lathe::store

namespace lathe::tune {

// What TuneJob and AutoMlJob share: reading the data, the objective, and keeping the winner.
class TuningSupport {
 public:
  // `given`, else the dataset version read on the job's thread. Throws lathe::Error for none.
  static std::shared_ptr<const data::Table> table(const std::shared_ptr<const store::Project>& project,
                                                  std::shared_ptr<const data::Table> given,
                                                  std::optional<std::int64_t> versionId, const jobs::JobContext& context);
  // `requested`, checked, else the task's headline metric (roc_auc, accuracy, r2).
  static std::string objective(ml::Task task, const std::string& requested);
  // Trees and boosting split around missing values; the others need them filled.
  static bool needsFilledValues(const std::string& algorithm);
  // The supervised algorithms the studio offers, in its order.
  static const std::vector<std::string>& supervisedAlgorithms();
  // Fits `algorithm` with `parameters` on every row, stores the model and its feature importances
  // with run `runId` and tags the run "best".
  static void keepModel(store::Database& db, std::int64_t runId, const ml::FeatureEncoder& encoder,
                        const std::string& algorithm, const nlohmann::json& parameters, const ml::TrainingData& data,
                        const jobs::JobContext& context);
};

}  // namespace lathe::tune
