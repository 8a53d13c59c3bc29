#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace lathe::monitor {

// How a feature is compared: numbers by Kolmogorov-Smirnov and PSI over the baseline's decile
// bins, categories (categorical, bool, text) by chi-square and PSI over the baseline's levels.
// Datetime columns are described but not tested for drift (time always moves on).
enum class FeatureKind : std::uint8_t { Numeric, Categorical, Untested };

const char* featureKindName(FeatureKind kind);
FeatureKind featureKindFromName(const std::string& name);  // unknown names read as Untested

// What the baseline's data looked like in one column: the statistics drift is measured against.
struct FeatureBaseline {
  std::string name;
  std::string type;  // the column's type as the CLI contract spells it (float64, categorical, ...)
  FeatureKind kind = FeatureKind::Untested;
  std::uint64_t rows = 0;
  std::uint64_t missing = 0;

  // Numeric: the range, moments, and the distribution as 1,001 quantiles (0, 0.001, ... 1) of
  // the valid values, which is what KS compares with (its D is off by at most about 0.001 + 1/n,
  // n the valid values: the quantiles interpolate between the steps of the baseline's ECDF).
  double min = 0.0;
  double max = 0.0;
  double mean = 0.0;
  double stddev = 0.0;
  std::vector<double> quantiles;
  // Numeric: the inner edges of the PSI bins (deciles of the baseline, duplicates removed), so
  // bin i holds values in (edge[i-1], edge[i]]; binShares has edges.size() + 1 entries.
  std::vector<double> binEdges;
  // Numeric: the share of valid values in each bin. Categorical: the share of each level in
  // `categories`, in that order.
  std::vector<double> binShares;
  // Categorical: the levels seen, most frequent first (at most 1,000; the rest are counted
  // in "other" share, so shares sum to 1).
  std::vector<std::string> categories;
  std::vector<std::uint64_t> categoryCounts;
  double otherShare = 0.0;

  double missingShare() const { return rows == 0 ? 0.0 : double(missing) / double(rows); }
  std::uint64_t validCount() const { return rows - missing; }
};

void to_json(nlohmann::json& out, const FeatureBaseline& feature);
void from_json(const nlohmann::json& in, FeatureBaseline& feature);

}  // namespace lathe::monitor
