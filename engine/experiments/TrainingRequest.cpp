#include "engine/experiments/TrainingRequest.h"

namespace lathe::experiments {

nlohmann::json ValidationScheme::toJson() const {
  if (kind == Kind::CrossValidation) return {{"scheme", "cv"}, {"folds", folds}, {"seed", seed}};
  return {{"scheme", "holdout"}, {"test_fraction", testFraction}, {"validation_fraction", validationFraction}, {"seed", seed}};
}

}  // namespace lathe::experiments
