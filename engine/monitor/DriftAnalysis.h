#pragma once
#include "engine/data/Table.h"
#include "engine/monitor/Baseline.h"
#include "engine/monitor/DriftReport.h"

namespace lathe::jobs {
class JobContext;
}

namespace lathe::monitor {

// Compares a batch with a baseline: data-quality violations against the constraints and drift per
// feature. Columns of the batch the baseline does not know are ignored; a baseline column the
// batch lacks is a MissingColumn violation. See docs/monitoring-statistics.md for what each degenerate case
// gives (empty batch, constant or all-missing columns, unseen categories, a single row).
class DriftAnalysis {
 public:
  static DriftReport compare(const Baseline& baseline, const data::Table& batch, const jobs::JobContext* context = nullptr);
  static FeatureDrift compareFeature(const FeatureBaseline& baseline, const FeatureConstraint& constraint,
                                     const data::Column& column);
};

}  // namespace lathe::monitor
