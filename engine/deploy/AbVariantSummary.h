#pragma once
#include <cstddef>
#include <string>

#include "engine/deploy/ConfidenceInterval.h"

namespace lathe::deploy {

// One variant of an A/B test on the KPI: its labelled rows, the KPI over them and its interval
// (NaN bounds when the rows are too few to estimate one: a single row under a t interval).
struct AbVariantSummary {
  std::string variant;
  std::size_t rows = 0;
  double value = 0.0;
  ConfidenceInterval interval;
};

}  // namespace lathe::deploy
