#pragma once
#include <limits>
#include <optional>
#include <string>

namespace lathe::deploy {

// One labelled prediction from an A/B test: which variant answered, what it said and what the
// answer turned out to be once the label was joined. Classification fills the labels (and, for
// roc_auc, pr_auc and log_loss of a binary task, the probability of the positive class);
// regression fills the values. The fields of the other kind are ignored.
struct AbRecord {
  std::string variant;
  std::string actualLabel;
  std::string predictedLabel;
  double actualValue = std::numeric_limits<double>::quiet_NaN();
  double predictedValue = std::numeric_limits<double>::quiet_NaN();
  std::optional<double> positiveProbability;
};

}  // namespace lathe::deploy
