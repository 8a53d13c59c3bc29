#pragma once
#include <cstdint>
#include <memory>
#include <string>

#include "engine/deploy/ModelVersionInfo.h"
#include "engine/jobs/Job.h"

namespace lathe::experiments {
struct TrainedModel;
}
namespace lathe::store {
class Database;
class Project;
struct ExperimentRun;
}

namespace lathe::deploy {

// Registers a run's model as the next version of a named model: the model's bytes, the recipes
// that made its training data, each fitted again on its own input exactly as when it was applied
// (so scoring repeats them), the columns a request must hold, the training data's hash, the
// run's metrics and, for a binary model, the decision threshold with the best expected value
// under the project's cost matrix (0.5 when the matrix is not set). On its own connection.
class RegisterModelJob final : public jobs::Job {
 public:
  RegisterModelJob(std::shared_ptr<const store::Project> project, std::int64_t runId, std::string name);
  std::string name() const override { return "Register model"; }
  void run(jobs::JobContext& context) override;

  // Once run() has returned.
  const ModelVersionInfo& registered() const { return registered_; }

 private:
  // Fills in what every version holds and stores it.
  void finish(store::Database& db, const store::ExperimentRun& run, const experiments::TrainedModel& model,
              const std::string& bytes, ModelVersionContent content, const std::string& dataHash,
              jobs::JobContext& context);

  std::shared_ptr<const store::Project> project_;
  std::int64_t runId_;
  std::string modelName_;
  ModelVersionInfo registered_;
};

}  // namespace lathe::deploy
