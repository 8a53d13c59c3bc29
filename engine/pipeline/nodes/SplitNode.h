#pragma once
#include "engine/pipeline/NodeType.h"

namespace lathe::pipeline {

// Split: a table in, its "train" and "test" rows out (each part in the input's row order).
// Parameters: {"test_fraction":0.25, "seed":null (the pipeline's), "stratify":"" (a column whose
// class shares both parts keep, or "" for a plain shuffle)}. Sizes as scikit-learn's
// train_test_split rounds them (test = ceil(n * fraction)), through eval::DataSplit, so the same
// seed gives the same rows everywhere.
class SplitNode {
 public:
  static constexpr const char* kId = "split";
  static NodeType type();
};

}  // namespace lathe::pipeline
