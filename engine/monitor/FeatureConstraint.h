#pragma once
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace lathe::monitor {

// What the user accepts of one feature in new data. Suggested from the baseline (see
// BaselineBuilder) and editable: every field can be changed or switched off.
struct FeatureConstraint {
  std::string name;
  std::string type;                       // expected type; "" = any
  std::optional<double> maxMissingShare;  // a batch with a larger share of missing values violates
  std::optional<double> min;              // numeric range; values outside violate
  std::optional<double> max;
  std::optional<std::vector<std::string>> allowedCategories;  // other values violate
  // Distribution: drift when PSI >= psiThreshold, or when the test's p-value < alpha and
  // PSI >= psiFloor (large batches make tiny shifts significant; the floor keeps them quiet).
  bool checkDistribution = true;
  double psiThreshold = 0.2;
  double psiFloor = 0.1;
  double alpha = 0.01;
};

void to_json(nlohmann::json& out, const FeatureConstraint& constraint);
void from_json(const nlohmann::json& in, FeatureConstraint& constraint);

}  // namespace lathe::monitor
