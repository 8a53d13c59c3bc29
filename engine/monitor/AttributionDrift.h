#pragma once
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace lathe::monitor {

// How far the ranking of permutation importances has moved: the features by importance on the
// baseline and on the batch, and their agreement as NDCG (1 = same order; SageMaker Model
// Monitor alerts below 0.9).
struct FeatureImportanceRank {
  std::string feature;
  double baseline = 0.0;
  double current = 0.0;
};

struct AttributionDrift {
  std::vector<FeatureImportanceRank> features;  // by baseline importance, largest first
  double ndcg = 1.0;
  double threshold = 0.9;
  bool drift = false;
};

void to_json(nlohmann::json& out, const AttributionDrift& drift);
void from_json(const nlohmann::json& in, AttributionDrift& drift);

}  // namespace lathe::monitor
