#pragma once
#include <cstdint>
#include <memory>
#include <string>

#include "engine/experiments/TrainingRequest.h"
#include "engine/pipeline/NodeType.h"

namespace lathe::pipeline {

// Train: a table in; the fitted Model and its Metrics out. Parameters:
//   {"algorithm":"logistic", "target":"", "parameters":{} (the algorithm's, as `lathe train
//    --param` takes them), "validation":{"scheme":"cv","folds":5} or {"scheme":"holdout",
//    "test_fraction":0.25,"validation_fraction":0}, "seed":null (the pipeline's),
//    "learning_curve":true}
// It runs TrainModelJob on the input table, which judges the algorithm, fits the final model on
// every row and RECORDS THE RUN in the project as "<node title> · <algorithm>", exactly as the
// training panel does, so runs from the window and from `lathe run` sit side by side. The seed
// also becomes the algorithm's random_state unless the parameters set one. Cancel stores no run.
class TrainNode {
 public:
  static constexpr const char* kId = "train";
  static NodeType type();

  // The training the node runs for these (merged) parameters: what a test compares against.
  static experiments::TrainingRequest request(const nlohmann::json& parameters, std::shared_ptr<const data::Table> table,
                                              std::uint64_t seed, std::string runName);
};

}  // namespace lathe::pipeline
