#pragma once
#include "engine/deploy/CanaryStats.h"

namespace lathe::deploy {

// Where a canary release stands: the canary's current traffic weight, when its share last changed
// (seconds on the caller's clock, the same clock as `now` in CanaryPolicy), and the live stats of
// the canary and of the baseline it is compared with.
struct CanaryState {
  double weight = 0.0;
  double lastStepTime = 0.0;
  CanaryStats canary;
  CanaryStats baseline;
};

}  // namespace lathe::deploy
