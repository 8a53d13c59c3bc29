#pragma once
#include <string>
#include <vector>

#include "engine/deploy/AbComparison.h"
#include "engine/deploy/AbVariantSummary.h"

namespace lathe::deploy {

// Which test produced the intervals and p-values: accuracy is a proportion (Wilson intervals,
// Newcombe's interval of the difference, pooled two-proportion z-test); mae and mse are means of
// per-row errors (t intervals, Welch's t-test); every other metric is bootstrapped.
enum class AbMethod { TwoProportionZTest, WelchTTest, Bootstrap };

// An A/B test's outcome: every variant in the order the records name them, and every variant but
// the reference compared with it.
struct AbTestResult {
  std::string metric;
  bool higherIsBetter = true;
  double confidence = 0.95;
  AbMethod method = AbMethod::Bootstrap;
  std::string reference;
  std::vector<AbVariantSummary> variants;
  std::vector<AbComparison> comparisons;
};

}  // namespace lathe::deploy
