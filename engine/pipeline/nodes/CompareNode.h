#pragma once
#include "engine/pipeline/NodeType.h"

namespace lathe::pipeline {

// Compare: up to four Metrics in (each optional; at least one connected), the runs side by side
// out: a RunComparison judged by the project's KPI (its metric, else roc_auc / accuracy / r2 by
// task), with the best run named. Runs are read back from the project, so scores Evaluate added
// are part of the comparison.
class CompareNode {
 public:
  static constexpr const char* kId = "compare";
  static constexpr int kInputs = 4;
  static NodeType type();
};

}  // namespace lathe::pipeline
