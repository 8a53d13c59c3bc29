#pragma once
#include <string>

namespace lathe::deploy {

// A canary rule on a named live statistic (e.g. "positive_rate", or any statistic the server
// passes in CanaryStats::metrics): the canary rolls back when the value goes above (or below)
// the threshold.
struct CanaryMetricRule {
  enum class Direction { Above, Below };

  std::string name;
  double threshold = 0.0;
  Direction direction = Direction::Above;
};

}  // namespace lathe::deploy
