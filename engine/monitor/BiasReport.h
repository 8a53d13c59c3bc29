#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace lathe::monitor {

// One group of the sensitive attribute: how often the model says "positive" and, where labels
// are known, how many of the truly positive it finds.
struct GroupRates {
  std::string group;
  std::uint64_t rows = 0;
  double positiveRate = 0.0;
  std::optional<double> recall;  // empty without labels or without a positive row in the group
};

// Bias on a sensitive attribute: the largest gap between groups in positive rate (demographic
// parity) and in recall (equal opportunity), on the baseline and on the batch.
struct BiasReport {
  std::string attribute;
  std::string positiveClass;
  std::vector<GroupRates> groups;
  double parityGap = 0.0;
  std::optional<double> opportunityGap;
  std::optional<double> baselineParityGap;
  std::optional<double> baselineOpportunityGap;
  double threshold = 0.1;  // a gap above this, or grown by more than this since the baseline, alerts
  bool alert = false;
};

void to_json(nlohmann::json& out, const BiasReport& report);
void from_json(const nlohmann::json& in, BiasReport& report);

}  // namespace lathe::monitor
