#pragma once
#include <cstdint>
#include <span>

#include "engine/deploy/AbRecord.h"
#include "engine/deploy/AbTestResult.h"
#include "engine/deploy/AbTestSettings.h"
#include "engine/deploy/ConfidenceInterval.h"

namespace lathe::deploy {

// The A/B result view's statistics: each variant's KPI with its confidence interval, and each
// variant against the reference with the interval of the difference, a p-value and a verdict.
// The KPI itself is always eval::Metric's, so the numbers agree with scikit-learn's. Pure and
// deterministic: the bootstrap is seeded by the settings, so the same records give the same
// result. Cost: a bootstrapped metric is computed resamples x variants times (roc_auc of two
// variants of 50,000 rows at 2,000 resamples: about 25 s), so callers run it on a job thread and
// may lower AbTestSettings::resamples for large logs.
class AbTestAnalysis {
 public:
  // Throws lathe::Error(InvalidArgument) for no records, fewer than two variants, an unknown
  // reference or metric, a confidence outside (0, 1), a record with an empty variant or label, a
  // NaN or infinite value or probability (naming the row), a missing probability for a metric
  // that needs one, and a metric the variant's rows cannot score (roc_auc with one class only).
  static AbTestResult analyze(std::span<const AbRecord> records, const AbTestSettings& settings);

  // Wilson's score interval of successes / trials.
  static ConfidenceInterval wilsonInterval(std::uint64_t successes, std::uint64_t trials, double confidence);
  // The two-sided p-value of the pooled two-proportion z-test of a/n = b/m (1 when both are 0 or 1).
  static double twoProportionPValue(std::uint64_t a, std::uint64_t n, std::uint64_t b, std::uint64_t m);
};

}  // namespace lathe::deploy
