#pragma once
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

namespace lathe::deploy {

// How to judge an A/B test. `metric` is the KPI by scikit-learn's name (eval::Metric::names());
// `higherIsBetter` defaults to the metric's own direction. `positiveClass` is required by the
// binary metrics that are not symmetric in the classes (precision, recall, f1, roc_auc, pr_auc,
// log_loss). `reference` names the variant the others are compared with (empty: the first to
// appear in the records). Below `minRowsPerVariant` labelled rows a variant is not judged.
struct AbTestSettings {
  std::string metric = "accuracy";
  std::optional<bool> higherIsBetter;
  std::string positiveClass;
  std::string reference;
  double confidence = 0.95;
  std::size_t minRowsPerVariant = 30;
  std::size_t resamples = 2000;  // bootstrap resamples, for metrics without a closed-form test
  std::uint64_t seed = 0;        // the bootstrap's seed: the same records give the same result
};

}  // namespace lathe::deploy
