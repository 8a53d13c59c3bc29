#pragma once
#include "engine/pipeline/NodeType.h"

namespace lathe::pipeline {

// Evaluate: a Model and a Table (rows it never saw: Split's "test") in; the scores out as
// Metrics, and the rows' Predictions (as Predict makes them). Every metric of the task, the ROC
// and PR curves and the confusion matrix are added to the model's run under the split named by
// {"split":"test"}, replacing that split's earlier scores, so the experiments table and the
// comparison show them. Rows whose target is missing are not scored.
class EvaluateNode {
 public:
  static constexpr const char* kId = "evaluate";
  static NodeType type();
};

}  // namespace lathe::pipeline
