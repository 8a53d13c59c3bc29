#include "engine/ml/Estimator.h"

#include "engine/core/Error.h"

namespace lathe::ml {

ClassProbabilities Estimator::predictProba(const FeatureMatrix&) const {
  throw Error(ErrorCode::Unsupported, algorithm() + ": this model predicts no class probabilities");
}

}  // namespace lathe::ml
