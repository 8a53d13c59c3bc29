#include "engine/monitor/FeatureBaseline.h"

#include <cmath>
#include <cstdint>
#include <string>
#include <utility>

#include "engine/core/Error.h"

namespace lathe::monitor {
namespace {

using nlohmann::json;

[[noreturn]] void malformed(const std::string& what) {
  throw Error(ErrorCode::Parse, "feature baseline: " + what);
}

// JSON has no NaN or infinity: a figure that is not finite is written as null.
json numberJson(double value) { return std::isfinite(value) ? json(value) : json(nullptr); }

json numbersJson(const std::vector<double>& values) {
  json out = json::array();
  for (double v : values) out.push_back(numberJson(v));
  return out;
}

// Absent or null: the fallback.
double numberAt(const json& in, const char* key, double fallback) {
  if (!in.contains(key) || in.at(key).is_null()) return fallback;
  if (!in.at(key).is_number()) malformed(std::string("'") + key + "' must be a number");
  return in.at(key).get<double>();
}

std::uint64_t countAt(const json& in, const char* key) {
  if (!in.contains(key) || in.at(key).is_null()) return 0;
  const json& v = in.at(key);
  if (!v.is_number_unsigned() && !(v.is_number_integer() && v.get<std::int64_t>() >= 0))
    malformed(std::string("'") + key + "' must be a whole number, at least 0");
  return v.get<std::uint64_t>();
}

std::string textAt(const json& in, const char* key) {
  if (!in.contains(key) || in.at(key).is_null()) return {};
  if (!in.at(key).is_string()) malformed(std::string("'") + key + "' must be a string");
  return in.at(key).get<std::string>();
}

std::vector<double> numbersAt(const json& in, const char* key) {
  std::vector<double> out;
  if (!in.contains(key) || in.at(key).is_null()) return out;
  const json& array = in.at(key);
  if (!array.is_array()) malformed(std::string("'") + key + "' must be an array of numbers");
  out.reserve(array.size());
  for (const json& v : array) {
    if (!v.is_number()) malformed(std::string("'") + key + "' must hold numbers only");
    out.push_back(v.get<double>());
  }
  return out;
}

bool sortedFinite(const std::vector<double>& values) {
  for (std::size_t i = 0; i < values.size(); ++i)
    if (!std::isfinite(values[i]) || (i > 0 && values[i] < values[i - 1])) return false;
  return true;
}

}  // namespace

const char* featureKindName(FeatureKind kind) {
  switch (kind) {
    case FeatureKind::Numeric: return "numeric";
    case FeatureKind::Categorical: return "categorical";
    case FeatureKind::Untested: return "untested";
  }
  return "untested";
}

FeatureKind featureKindFromName(const std::string& name) {
  if (name == "numeric") return FeatureKind::Numeric;
  if (name == "categorical") return FeatureKind::Categorical;
  return FeatureKind::Untested;
}

void to_json(json& out, const FeatureBaseline& feature) {
  out = json{{"name", feature.name},
             {"type", feature.type},
             {"kind", featureKindName(feature.kind)},
             {"rows", feature.rows},
             {"missing", feature.missing},
             {"min", numberJson(feature.min)},
             {"max", numberJson(feature.max)},
             {"mean", numberJson(feature.mean)},
             {"stddev", numberJson(feature.stddev)},
             {"quantiles", numbersJson(feature.quantiles)},
             {"bin_edges", numbersJson(feature.binEdges)},
             {"bin_shares", numbersJson(feature.binShares)},
             {"categories", feature.categories},
             {"category_counts", feature.categoryCounts},
             {"other_share", numberJson(feature.otherShare)}};
}

void from_json(const json& in, FeatureBaseline& feature) {
  if (!in.is_object()) malformed("must be a JSON object");
  FeatureBaseline f;
  f.name = textAt(in, "name");
  f.type = textAt(in, "type");
  f.kind = featureKindFromName(textAt(in, "kind"));
  f.rows = countAt(in, "rows");
  f.missing = countAt(in, "missing");
  if (f.missing > f.rows) malformed("'" + f.name + "': more missing values than rows");
  f.min = numberAt(in, "min", 0.0);
  f.max = numberAt(in, "max", 0.0);
  f.mean = numberAt(in, "mean", 0.0);
  f.stddev = numberAt(in, "stddev", 0.0);
  f.quantiles = numbersAt(in, "quantiles");
  f.binEdges = numbersAt(in, "bin_edges");
  f.binShares = numbersAt(in, "bin_shares");
  if (in.contains("categories") && !in.at("categories").is_null()) {
    const json& array = in.at("categories");
    if (!array.is_array()) malformed("'categories' must be an array of strings");
    for (const json& v : array) {
      if (!v.is_string()) malformed("'categories' must hold strings only");
      f.categories.push_back(v.get<std::string>());
    }
  }
  if (in.contains("category_counts") && !in.at("category_counts").is_null()) {
    const json& array = in.at("category_counts");
    if (!array.is_array()) malformed("'category_counts' must be an array of whole numbers");
    for (const json& v : array) {
      if (!v.is_number_unsigned() && !(v.is_number_integer() && v.get<std::int64_t>() >= 0))
        malformed("'category_counts' must hold whole numbers, at least 0");
      f.categoryCounts.push_back(v.get<std::uint64_t>());
    }
  }
  f.otherShare = numberAt(in, "other_share", 0.0);

  // What the comparison relies on: sorted quantiles and edges, and one share per bin or level.
  if (!sortedFinite(f.quantiles)) malformed("'" + f.name + "': quantiles must be finite and in order");
  if (!sortedFinite(f.binEdges)) malformed("'" + f.name + "': bin edges must be finite and in order");
  if (f.categoryCounts.size() != f.categories.size() && !f.categoryCounts.empty())
    malformed("'" + f.name + "': one count per category expected");
  if (f.kind == FeatureKind::Numeric && !f.binShares.empty() && f.binShares.size() != f.binEdges.size() + 1)
    malformed("'" + f.name + "': one share per bin expected (edges + 1)");
  if (f.kind == FeatureKind::Categorical && f.binShares.size() != f.categories.size())
    malformed("'" + f.name + "': one share per category expected");
  feature = std::move(f);
}

}  // namespace lathe::monitor
