#pragma once
#include <cstdint>
#include <memory>
#include <string>

#include "engine/experiments/TrainedModel.h"

namespace lathe::pipeline {

// What a Model port carries (as std::shared_ptr<const ModelValue>): the fitted model and the
// experiment run it was recorded as, so Evaluate can add its scores to that run.
struct ModelValue {
  std::shared_ptr<const experiments::TrainedModel> model;
  std::int64_t runId = 0;  // 0: not recorded
  std::string runName;
  std::string algorithm;
  std::string target;
};

}  // namespace lathe::pipeline
