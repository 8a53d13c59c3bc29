#pragma once
#include <string>
#include <vector>

#include "engine/ml/FeatureMatrix.h"
#include "engine/ml/TrainingData.h"

namespace lathe::ml {

// The checks trees and forests make on what they are given, with messages naming the algorithm,
// the feature and the row. Trees handle NaN themselves (a bin of its own); they refuse infinite
// values, which have no place between two bins.
class TreeInputs {
 public:
  // Throws lathe::Error(InvalidArgument) for no rows, no features, more rows than 2^32 - 2, an
  // infinite feature value, a target out of range or not finite, one class only, or clustering.
  static void checkTraining(const std::string& algorithm, const TrainingData& data);
  // Throws lathe::Error(InvalidArgument) when unfitted or when `x` has another number of features.
  static void checkPredict(const std::string& algorithm, const FeatureMatrix& x, const std::vector<std::string>& features,
                           bool fitted);
};

}  // namespace lathe::ml
