#pragma once
#include <string>

#include "engine/data/Table.h"
#include "engine/monitor/Baseline.h"

namespace lathe::jobs {
class JobContext;
}

namespace lathe::monitor {

// Computes a baseline from training data and suggests constraints: the column's type, a missing
// share a little above the baseline's, the observed range, the levels seen (when there are at most
// 1,000 of them), and the distribution checks. One pass per column; columns run in parallel.
class BaselineBuilder {
 public:
  static Baseline build(const data::Table& table, std::string source, const jobs::JobContext* context = nullptr);

  // The statistics of one column (also used for a batch's own picture, e.g. prediction drift).
  static FeatureBaseline describe(const data::Column& column);
  static FeatureConstraint suggest(const FeatureBaseline& feature);
};

}  // namespace lathe::monitor
