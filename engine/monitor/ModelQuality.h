#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

namespace lathe::monitor {

// How well the live model did on a batch once its true labels arrived (joined by a key).
struct ModelQuality {
  std::uint64_t labelledRows = 0;
  std::map<std::string, double> metrics;  // scikit-learn's names: accuracy, roc_auc, rmse, ...
  std::string kpiMetric;                  // the project's KPI ("" when none is set)
  std::optional<double> kpiValue;
  std::optional<double> kpiTarget;
  bool kpiHigherIsBetter = true;
  std::optional<double> baselineKpi;  // the KPI on the baseline (the version's test split)

  bool missesTarget() const;
};

void to_json(nlohmann::json& out, const ModelQuality& quality);
void from_json(const nlohmann::json& in, ModelQuality& quality);

}  // namespace lathe::monitor
