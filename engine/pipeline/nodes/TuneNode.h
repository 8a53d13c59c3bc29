#pragma once
#include "engine/pipeline/NodeType.h"

namespace lathe::pipeline {

// Tune: a table in; the best Model and its Metrics out. Parameters:
//   {"algorithm":"xgboost", "target":"", "strategy":"bayes" (grid, random), "trials":20,
//    "budget":0 (seconds; 0 is no time limit), "folds":5, "objective":"" (the task's headline metric), "space":null (the algorithm's
//    built-in one, else a search space as `lathe tune --space` takes it), "seed":null (the
//    pipeline's), "pruning":true}
// It runs a TuneJob on the input table: every trial is RECORDED in the project as a run
// tagged with its tuning, and the best one keeps its model, which goes on to Evaluate or
// Predict like a Train node's.
class TuneNode {
 public:
  static constexpr const char* kId = "tune";
  static NodeType type();
};

}  // namespace lathe::pipeline
