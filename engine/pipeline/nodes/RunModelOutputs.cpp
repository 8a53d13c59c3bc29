#include "engine/pipeline/nodes/RunModelOutputs.h"

#include <memory>

#include "engine/core/Error.h"
#include "engine/experiments/TrainedModel.h"
#include "engine/pipeline/nodes/MetricsValue.h"
#include "engine/pipeline/nodes/ModelValue.h"
#include "engine/store/Project.h"
#include "engine/store/RunRepository.h"

namespace lathe::pipeline {

std::vector<NodeValue> RunModelOutputs::of(const store::Project& project, std::int64_t runId, const std::string& note) {
  store::Database db = project.connect();
  store::RunRepository runs(db);
  const auto artifact = runs.model(runId);
  const auto run = runs.get(runId);
  if (!artifact || !run) throw Error(ErrorCode::Internal, "the run " + std::to_string(runId) + " was stored without its model");
  const std::string_view bytes(reinterpret_cast<const char*>(artifact->bytes.data()), artifact->bytes.size());
  auto model = std::make_shared<ModelValue>();
  model->model = std::make_shared<const experiments::TrainedModel>(experiments::TrainedModel::deserialize(bytes));
  model->runId = run->id;
  model->runName = run->name;
  model->algorithm = run->algorithm;
  model->target = run->target;
  auto metrics = std::make_shared<MetricsValue>();
  metrics->runs.push_back({run->id, run->name, run->algorithm, run->task, run->metrics});
  metrics->summary = run->name + " (" + note + "run " + std::to_string(run->id) + ")";
  const std::string key = "run:" + std::to_string(run->id);
  return {NodeValue::of(PortType::Model, std::shared_ptr<const ModelValue>(std::move(model)), key + ":model"),
          NodeValue::of(PortType::Metrics, std::shared_ptr<const MetricsValue>(std::move(metrics)), key + ":metrics")};
}

}  // namespace lathe::pipeline
