#pragma once
#include <string>
#include <vector>

#include "engine/data/Table.h"
#include "engine/pipeline/NodeType.h"

namespace lathe::jobs {
class JobContext;
}

namespace lathe::pipeline {

struct ModelValue;

// Predict: batch scoring. A Model and a Table in; Predictions out: one row per input row with
// the input's key columns, "prediction" (the class label, or the value) and, for a classifier,
// "probability_<class>" per class. Parameters: {"keys":[] (columns to carry over; empty: any
// column named "id" or ending in "_id"), "output":"" (when set, the predictions are also written
// to this CSV file, atomically; a relative path is taken from the project's folder), "model":""
// (a registered version, "name", "name:3" or "name:production": scored as batch scoring does,
// with its recipes, threshold and "decision"; the model input may then stay unconnected)}.
class PredictNode {
 public:
  static constexpr const char* kId = "predict";
  static NodeType type();

  // The predictions table for `table`. `keys` empty: the id-like columns, as above.
  static data::Table predict(const ModelValue& model, const data::Table& table, std::vector<std::string> keys,
                             const jobs::JobContext& context);
};

}  // namespace lathe::pipeline
