#include "engine/tune/TuningSupport.h"

#include <algorithm>

#include "engine/core/Error.h"
#include "engine/eval/Metric.h"
#include "engine/experiments/TrainedModel.h"
#include "engine/jobs/JobContext.h"
#include "engine/ml/EstimatorRegistry.h"
#include "engine/ml/FeatureEncoder.h"
#include "engine/store/DatasetRepository.h"
#include "engine/store/Project.h"
#include "engine/store/RunRepository.h"

namespace lathe::tune {

std::shared_ptr<const data::Table> TuningSupport::table(const std::shared_ptr<const store::Project>& project,
                                                        std::shared_ptr<const data::Table> given,
                                                        std::optional<std::int64_t> versionId,
                                                        const jobs::JobContext& context) {
  if (!given && project && versionId) {
    store::Database db = project->connect();
    given = std::make_shared<const data::Table>(store::DatasetRepository(db).loadTable(*versionId, {}, &context));
  }
  if (!given) throw Error(ErrorCode::InvalidArgument, "there is no data to tune on");
  return given;
}

std::string TuningSupport::objective(ml::Task task, const std::string& requested) {
  if (requested.empty()) {
    const auto names = eval::Metric::defaultsFor(task);
    if (names.empty()) throw Error(ErrorCode::InvalidArgument, "tuning needs a target: classification or regression");
    return names.front();
  }
  const auto known = eval::Metric::names();
  if (std::find(known.begin(), known.end(), requested) == known.end())
    throw Error(ErrorCode::InvalidArgument, "unknown objective metric '" + requested + "'");
  return requested;
}

bool TuningSupport::needsFilledValues(const std::string& algorithm) {
  return algorithm != "tree" && algorithm != "forest" && algorithm != "xgboost";
}

const std::vector<std::string>& TuningSupport::supervisedAlgorithms() {
  static const std::vector<std::string> all{"logistic", "linear", "tree", "forest", "xgboost", "knn", "naive_bayes", "mlp"};
  return all;
}

void TuningSupport::keepModel(store::Database& db, std::int64_t runId, const ml::FeatureEncoder& encoder,
                              const std::string& algorithm, const nlohmann::json& parameters,
                              const ml::TrainingData& data, const jobs::JobContext& context) {
  experiments::TrainedModel model{encoder, ml::EstimatorRegistry::create(algorithm, parameters)};
  model.estimator->fit(data, context);
  const std::string bytes = model.serialize();
  store::RunRepository runs(db);
  runs.attachModel(runId, {std::string(experiments::TrainedModel::kFormat),
                           std::vector<std::uint8_t>(bytes.begin(), bytes.end())});
  // The winner's explanation: what the refitted model leans on, as a trained run shows it.
  std::vector<store::FeatureImportance> importances;
  const auto values = model.estimator->featureImportances();
  for (std::size_t f = 0; f < values.size() && f < data.x.cols(); ++f) importances.push_back({data.x.names()[f], values[f]});
  if (!importances.empty()) runs.setFeatureImportances(runId, importances);
  if (const auto run = runs.get(runId)) {
    auto tags = run->tags;
    tags.push_back("best");
    runs.setTags(runId, tags);
  }
}

}  // namespace lathe::tune
