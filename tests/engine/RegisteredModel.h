#pragma once
// Shared by the deployment and monitoring tests: a model trained on a stored dataset version and
// registered, the way the studio and `lathe model register` do it.
#include <cstdint>
#include <memory>
#include <string>

#include "ml/MlTestSupport.h"
#include "engine/deploy/ModelVersionInfo.h"
#include "engine/deploy/RegisterModelJob.h"
#include "engine/experiments/TrainModelJob.h"
#include "engine/store/Project.h"

namespace enginetest {

// Trains `algorithm` on dataset version `versionId` (a quick run: no learning curve).
inline std::int64_t trainRun(const std::shared_ptr<lathe::store::Project>& project, std::int64_t versionId,
                             const std::string& target, const std::string& algorithm) {
  lathe::experiments::TrainingRequest request;
  request.datasetVersionId = versionId;
  request.target = target;
  request.algorithm = algorithm;
  request.learningCurve = false;
  lathe::experiments::TrainModelJob job(project, request);
  mltest::QuietContext quiet;
  job.run(quiet.context);
  return job.result().id;
}

inline lathe::deploy::ModelVersionInfo registerRun(const std::shared_ptr<lathe::store::Project>& project,
                                                   std::int64_t runId, const std::string& name) {
  lathe::deploy::RegisterModelJob job(project, runId, name);
  mltest::QuietContext quiet;
  job.run(quiet.context);
  return job.registered();
}

}  // namespace enginetest
