#pragma once
#include <optional>
#include <string>

namespace lathe::store {

// The metric a project is judged by, which way is better, and the value that counts as success.
struct Kpi {
  std::string metric;  // as scikit-learn spells it: roc_auc, f1, rmse, ... ("" = not chosen)
  bool higherIsBetter = true;
  std::optional<double> target;

  bool operator==(const Kpi&) const = default;
};

// What each outcome of a binary decision is worth to the business (a cost is negative). It turns
// a probability into a decision: deployment picks the threshold with the best expected value.
struct CostMatrix {
  std::optional<double> truePositive;
  std::optional<double> falsePositive;
  std::optional<double> falseNegative;
  std::optional<double> trueNegative;

  bool isSet() const { return truePositive || falsePositive || falseNegative || trueNegative; }
  bool operator==(const CostMatrix&) const = default;
};

// The project's own description: the single row of the `project` table.
struct ProjectInfo {
  std::string name;
  std::string description;
  std::string goal;  // the business goal, in the user's words
  Kpi kpi;
  CostMatrix costs;
  std::string createdAt;   // ISO 8601 UTC, set by the store
  std::string modifiedAt;

  bool operator==(const ProjectInfo&) const = default;
};

}  // namespace lathe::store
