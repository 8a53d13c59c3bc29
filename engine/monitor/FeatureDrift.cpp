#include "engine/monitor/FeatureDrift.h"

#include <cmath>
#include <cstdint>
#include <string>
#include <utility>

#include "engine/core/Error.h"

namespace lathe::monitor {
namespace {

using nlohmann::json;

[[noreturn]] void malformed(const std::string& what) { throw Error(ErrorCode::Parse, "feature drift: " + what); }

// A figure that is missing, or not finite (which no statistic here gives), is null.
json figureJson(const std::optional<double>& value) {
  return value && std::isfinite(*value) ? json(*value) : json(nullptr);
}

json shareJson(double value) { return std::isfinite(value) ? json(value) : json(nullptr); }

std::optional<double> figureAt(const json& in, const char* key) {
  if (!in.contains(key) || in.at(key).is_null()) return std::nullopt;
  if (!in.at(key).is_number()) malformed(std::string("'") + key + "' must be a number or null");
  return in.at(key).get<double>();
}

std::uint64_t countAt(const json& in, const char* key) {
  if (!in.contains(key)) return 0;
  const json& v = in.at(key);
  if (!v.is_number_unsigned() && !(v.is_number_integer() && v.get<std::int64_t>() >= 0))
    malformed(std::string("'") + key + "' must be a whole number, at least 0");
  return v.get<std::uint64_t>();
}

}  // namespace

void to_json(json& out, const FeatureDrift& drift) {
  out = json{{"name", drift.name},
             {"test", drift.test},
             {"statistic", figureJson(drift.statistic)},
             {"p_value", figureJson(drift.pValue)},
             {"psi", figureJson(drift.psi)},
             {"drift", drift.drift}};
  if (!drift.note.empty()) out["note"] = drift.note;
  out["rows"] = drift.rows;
  out["missing"] = drift.missing;
  json bins = json::array();
  for (std::size_t i = 0; i < drift.binLabels.size(); ++i)
    bins.push_back({{"label", drift.binLabels[i]},
                    {"baseline", shareJson(i < drift.baselineShares.size() ? drift.baselineShares[i] : 0.0)},
                    {"current", shareJson(i < drift.currentShares.size() ? drift.currentShares[i] : 0.0)}});
  out["bins"] = std::move(bins);
}

void from_json(const json& in, FeatureDrift& drift) {
  if (!in.is_object()) malformed("must be a JSON object");
  FeatureDrift d;
  if (!in.contains("name") || !in.at("name").is_string()) malformed("'name' must be a string");
  d.name = in.at("name").get<std::string>();
  if (in.contains("test")) {
    if (!in.at("test").is_string()) malformed("'test' must be a string");
    d.test = in.at("test").get<std::string>();
  }
  d.statistic = figureAt(in, "statistic");
  d.pValue = figureAt(in, "p_value");
  d.psi = figureAt(in, "psi");
  if (in.contains("drift")) {
    if (!in.at("drift").is_boolean()) malformed("'drift' must be true or false");
    d.drift = in.at("drift").get<bool>();
  }
  if (in.contains("note")) {
    if (!in.at("note").is_string()) malformed("'note' must be a string");
    d.note = in.at("note").get<std::string>();
  }
  d.rows = countAt(in, "rows");
  d.missing = countAt(in, "missing");
  if (in.contains("bins")) {
    const json& bins = in.at("bins");
    if (!bins.is_array()) malformed("'bins' must be an array");
    for (const json& bin : bins) {
      if (!bin.is_object() || !bin.contains("label") || !bin.at("label").is_string())
        malformed("every bin needs a 'label'");
      d.binLabels.push_back(bin.at("label").get<std::string>());
      d.baselineShares.push_back(figureAt(bin, "baseline").value_or(0.0));
      d.currentShares.push_back(figureAt(bin, "current").value_or(0.0));
    }
  }
  drift = std::move(d);
}

}  // namespace lathe::monitor
