#pragma once
#include <cstdint>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "engine/ml/Task.h"
#include "engine/ml/TreeBuilder.h"

namespace lathe::ml {

// The parameters trees and forests share, read from JSON and validated with messages naming the
// algorithm and the parameter. Defaults are scikit-learn's, with two spellings for "depends on
// the task": criterion "auto" (gini for classification, squared_error for regression) and
// max_features "auto" (all for a tree; sqrt for a classifying forest, all for a regressing one,
// as scikit-learn's forests).
struct TreeParameters {
  std::string criterion = "auto";         // auto | gini | entropy | squared_error
  std::optional<std::size_t> maxDepth;    // null: unlimited
  std::size_t minSamplesSplit = 2;
  std::size_t minSamplesLeaf = 1;
  nlohmann::json maxFeatures = "auto";    // auto | sqrt | log2 | null (all) | int >= 1 | float in (0, 1]
  std::uint64_t randomState = 0;          // Lathe runs are reproducible: 0 rather than scikit-learn's None

  // Reads the keys it knows and removes them from `rest`, so the caller can refuse what is left.
  static TreeParameters read(const std::string& algorithm, nlohmann::json& rest);
  void write(nlohmann::json& out) const;

  // The settings for `task` on `features` columns; `forest` picks the forests' max_features default.
  // Throws lathe::Error(InvalidArgument) for a criterion that does not fit the task.
  TreeSettings settingsFor(const std::string& algorithm, Task task, std::size_t features, bool forest) const;
};

// Refuses the keys left in `rest` (unknown parameters) naming the algorithm.
void refuseUnknownParameters(const std::string& algorithm, const nlohmann::json& rest);

}  // namespace lathe::ml
