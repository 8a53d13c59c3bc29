#pragma once
#include <string>
#include <utility>
#include <vector>

#include "engine/monitor/AttributionDrift.h"

namespace lathe::monitor {

// Compares two rankings of feature importance with SageMaker Model Monitor's normalised
// discounted cumulative gain: DCG = sum over the batch's ranking of baseline(f_i) / log2(i + 1),
// divided by the same sum over the baseline's own ranking. 1 = the same order; below the
// threshold (0.9 by default) the attributions drifted. Negative importances count as 0. With no
// positive baseline importance there is nothing to rank: NDCG 1, no drift.
class AttributionComparison {
 public:
  static AttributionDrift compare(const std::vector<std::pair<std::string, double>>& baseline,
                                  const std::vector<std::pair<std::string, double>>& current, double threshold = 0.9);
};

}  // namespace lathe::monitor
