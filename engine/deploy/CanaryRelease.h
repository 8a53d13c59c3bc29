#pragma once
#include <optional>
#include <string>

#include "engine/deploy/CanaryAction.h"
#include "engine/deploy/CanarySettings.h"
#include "engine/deploy/CanaryState.h"
#include "engine/deploy/EndpointInfo.h"

namespace lathe::store {
class Database;
}

namespace lathe::deploy {

// A canary release of one endpoint as the project stores it: its settings (the endpoint's
// "canary" setting), its stats from the request log since its last step, and the changes of
// weight that CanaryPolicy decides, each recorded as an endpoint event with its reason. The CLI,
// the Deploy panel and the server's scheduler all go through it.
class CanaryRelease {
 public:
  CanaryRelease(store::Database& db, std::string endpoint);

  CanarySettings settings();
  // The endpoint's canary variant; nullopt when it has none.
  std::optional<EndpointVariant> canary();
  // By hand: the canary's new weight (0 when a crossed limit rolled it back instead).
  double stepUp(const std::string& reason);
  double rollBack(const std::string& reason);
  // The canary takes all the traffic, becomes an ordinary variant, and its model version becomes
  // production in the registry.
  double promote(const std::string& reason);
  // The scheduled check: `now` and `lastStep` on one clock (seconds). Applies and records what
  // the policy decides; returns it (Hold changes nothing).
  CanaryAction check(double now, double lastStep);

 private:
  // The canary's weight and what it and the rest served since its share last changed.
  CanaryState state(double lastStep);
  CanaryAction apply(const CanaryAction& action);

  store::Database& db_;
  std::string endpoint_;
};

}  // namespace lathe::deploy
