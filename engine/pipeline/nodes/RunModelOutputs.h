#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "engine/pipeline/NodeValue.h"

namespace lathe::store {
class Project;
}

namespace lathe::pipeline {

// The Model and Metrics outputs of a node that stored a run with its model (Train, Tune,
// AutoML): the model exactly as the run keeps it, so Evaluate and Predict use what the project
// holds. Both values are keyed by the run id: a rerun is a new run and what follows sees it new.
class RunModelOutputs {
 public:
  // `note` goes before the run id in the metrics' summary ("best of 40 trials, "). Throws
  // lathe::Error(Internal) when the run or its model is missing.
  static std::vector<NodeValue> of(const store::Project& project, std::int64_t runId, const std::string& note = {});
};

}  // namespace lathe::pipeline
