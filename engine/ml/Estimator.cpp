#include "engine/ml/Estimator.h"

#include "engine/core/Error.h"

namespace lathe::ml {

ClassProbabilities Estimator::predictProba(const FeatureMatrix&) const {
  throw Error(ErrorCode::Unsupported, algorithm() + ": this model predicts no class probabilities");
}

Estimator::Prediction Estimator::predictWithProbabilities(const FeatureMatrix& x) const {
  Prediction out;
  out.values = predict(x);
  try {
    out.probabilities = predictProba(x);
  } catch (const Error& e) {
    if (e.code() != ErrorCode::Unsupported) throw;
  }
  return out;
}

}  // namespace lathe::ml
