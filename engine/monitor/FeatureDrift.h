#pragma once
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace lathe::monitor {

// How far one feature of a new batch has moved from its baseline.
struct FeatureDrift {
  std::string name;
  std::string test;  // "ks", "chi_square" or "none" (untested kind, or nothing to compare)
  std::optional<double> statistic;  // KS D or the chi-square statistic; empty when not computed
  std::optional<double> pValue;
  std::optional<double> psi;
  bool drift = false;
  std::string note;  // why a figure is missing, in English for logs ("no valid values in the batch")
  std::uint64_t rows = 0;
  std::uint64_t missing = 0;
  // For the overlay chart: one label per bin (numeric: "(a, b]"; categorical: the level, then
  // "(other)" for levels the baseline never saw), the baseline's and the batch's shares.
  std::vector<std::string> binLabels;
  std::vector<double> baselineShares;
  std::vector<double> currentShares;
};

// The JSON of the CLI contract: {"name", "test", "statistic", "p_value", "psi", "drift"} (null
// where a figure is missing), plus "note" when there is one.
void to_json(nlohmann::json& out, const FeatureDrift& drift);
void from_json(const nlohmann::json& in, FeatureDrift& drift);

}  // namespace lathe::monitor
