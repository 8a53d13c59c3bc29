#pragma once
#include <cstdint>
#include <map>
#include <string>

#include <nlohmann/json.hpp>

namespace lathe::monitor {

// A retrained model against the live one on the same holdout rows, and what Lathe recommends.
struct RetrainComparison {
  std::int64_t id = 0;
  std::int64_t runId = 0;            // the retraining's experiment run
  std::string liveVersion;          // "churn:3"
  std::string candidateVersion;     // "churn:4" once registered as candidate; "" before
  std::string mode;                 // "append" or "replace"
  std::string data;                 // the new data, in the user's words
  std::uint64_t trainingRows = 0;
  std::uint64_t holdoutRows = 0;
  std::map<std::string, double> live;       // metrics on the holdout
  std::map<std::string, double> candidate;
  std::string kpiMetric;
  bool kpiHigherIsBetter = true;
  bool candidateIsBetter = false;   // on the KPI (the first metric when no KPI is set)
  std::string decision;             // "", "promoted" or "kept"
  std::string at;
};

void to_json(nlohmann::json& out, const RetrainComparison& comparison);
void from_json(const nlohmann::json& in, RetrainComparison& comparison);

}  // namespace lathe::monitor
