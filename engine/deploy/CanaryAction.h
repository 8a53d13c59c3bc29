#pragma once
#include <string>
#include <string_view>

namespace lathe::deploy {

// What to do with a canary now. `weight` is the canary's weight after the action: unchanged for
// Hold, the new share for StepUp, 1 for Promote, 0 for Rollback. `reason` is an English sentence
// for the record and the log, naming the threshold crossed and the value.
struct CanaryAction {
  enum class Kind { Hold, StepUp, Promote, Rollback };

  Kind kind = Kind::Hold;
  double weight = 0.0;
  std::string reason;

  // The kind as the project's record spells it.
  static constexpr std::string_view name(Kind kind) {
    switch (kind) {
      case Kind::Hold: return "hold";
      case Kind::StepUp: return "step_up";
      case Kind::Promote: return "promote";
      case Kind::Rollback: return "rollback";
    }
    return "hold";
  }
};

}  // namespace lathe::deploy
