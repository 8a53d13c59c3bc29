#pragma once
#include <cstddef>
#include <vector>

#include "engine/ml/Estimator.h"
#include "engine/ml/Task.h"

namespace lathe::eval {

// What a model said about rows whose answer is known: the input of every metric and curve.
// Classification: yTrue/yPred are class indices (as doubles), `probabilities` rows x classes
// (may be empty for a model without them; metrics that need them then throw); for a binary
// task class 1 is the positive class. Regression: values, no probabilities.
struct Predictions {
  ml::Task task = ml::Task::Regression;
  std::size_t classCount = 0;
  std::vector<double> yTrue;
  std::vector<double> yPred;
  ml::ClassProbabilities probabilities;
};

}  // namespace lathe::eval
