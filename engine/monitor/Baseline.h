#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "engine/monitor/FeatureBaseline.h"
#include "engine/monitor/FeatureConstraint.h"

namespace lathe::monitor {

// A baseline: the statistics of the data a model was trained on, feature by feature, and the
// constraints new data is checked against (features[i] and constraints[i] name the same column).
struct Baseline {
  std::string source;  // in the user's words: "dataset flights v1", "flights-jan.csv"
  std::uint64_t rows = 0;
  std::vector<FeatureBaseline> features;
  std::vector<FeatureConstraint> constraints;

  const FeatureBaseline* feature(const std::string& name) const;
  const FeatureConstraint* constraint(const std::string& name) const;
  FeatureConstraint* constraint(const std::string& name);
};

void to_json(nlohmann::json& out, const Baseline& baseline);
void from_json(const nlohmann::json& in, Baseline& baseline);

}  // namespace lathe::monitor
