#pragma once
#include "engine/pipeline/NodeType.h"

namespace lathe::pipeline {

// AutoML: a table in; the best Model (or ensemble) and its Metrics out. Parameters:
//   {"target":"", "budget":60 (seconds), "folds":5, "objective":"" (the task's headline
//    metric), "algorithms":[] (every family that can learn the task), "ensemble":true,
//    "seed":null (the pipeline's)}
// It runs an AutoMlJob on the input table: every trial is RECORDED in the project as a run,
// and the winner keeps its model, which goes on to Evaluate or Predict like a Train node's.
class AutoMlNode {
 public:
  static constexpr const char* kId = "automl";
  static NodeType type();
};

}  // namespace lathe::pipeline
