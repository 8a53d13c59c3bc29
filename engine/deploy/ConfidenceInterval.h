#pragma once

namespace lathe::deploy {

// A two-sided confidence interval [low, high] at the analysis's confidence level.
struct ConfidenceInterval {
  double low = 0.0;
  double high = 0.0;
};

}  // namespace lathe::deploy
