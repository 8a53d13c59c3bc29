#pragma once
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "engine/monitor/BiasReport.h"
#include "engine/monitor/FeatureBaseline.h"

namespace lathe::monitor {

// A model's own picture on the baseline's data, made with the baseline when a model is named:
// what it predicted (prediction drift compares with it), how much each feature moved its
// predictions (attribution drift compares with it), how well it did where the labels were there,
// and its bias on the sensitive attribute.
struct ModelBaseline {
  std::string model;   // the registered version, "churn:3"
  std::string target;  // the label column of the baseline's data
  FeatureBaseline prediction;
  std::vector<std::pair<std::string, double>> importances;  // in the data's column order
  std::map<std::string, double> metrics;
  std::optional<BiasReport> bias;

  bool empty() const { return model.empty(); }
};

void to_json(nlohmann::json& out, const ModelBaseline& baseline);
void from_json(const nlohmann::json& in, ModelBaseline& baseline);

}  // namespace lathe::monitor
