#pragma once
#include <cstddef>
#include <span>
#include <vector>

#include "engine/deploy/CanaryAction.h"
#include "engine/deploy/CanarySettings.h"
#include "engine/deploy/CanaryState.h"

namespace lathe::deploy {

// Decides what happens to a canary variant: hold, step its share up, promote it, or roll it back
// when its error rate, p99 latency or chosen metric crosses a limit. Pure logic, with no clock and
// no threads of its own: the server's scheduler passes `now` and the live stats, applies the
// action (rescaleWeights) and records it with its reason.
class CanaryPolicy {
 public:
  // Throws lathe::Error(InvalidArgument) for invalid settings (CanarySettings::validate).
  explicit CanaryPolicy(CanarySettings settings);

  const CanarySettings& settings() const noexcept { return settings_; }

  // The scheduled check. Below the minimum requests: Hold. A limit crossed: Rollback. Otherwise
  // StepUp once `intervalSeconds` have passed since the last step (never when the interval is 0),
  // or Promote when the step reaches a share of 1. Throws lathe::Error(InvalidArgument) for a
  // state out of range (weight outside [0, 1], more errors than requests, a negative latency,
  // non-finite times).
  CanaryAction decide(const CanaryState& state, double now) const;
  // The user's "step up": the interval and the minimum requests do not apply, but a canary that
  // has crossed a limit is rolled back instead.
  CanaryAction stepByHand(const CanaryState& state) const;

  // The weights after the canary's weight becomes `canaryWeight`: the other variants keep their
  // proportions (equal shares if they are all 0) and the weights sum to exactly 1. Throws
  // lathe::Error(InvalidArgument) for no weights, a canary index out of range, a weight that is
  // negative or not finite, or a canary weight below 1 when the canary is the only variant.
  static std::vector<double> rescaleWeights(std::span<const double> weights, std::size_t canary,
                                            double canaryWeight);

 private:
  // The rollback sentence if a limit is crossed, else empty.
  std::string crossedLimits(const CanaryState& state) const;
  CanaryAction step(const CanaryState& state) const;

  CanarySettings settings_;
};

}  // namespace lathe::deploy
