#include "engine/monitor/DriftReport.h"

#include <algorithm>
#include <cstdint>
#include <string>
#include <utility>

#include "engine/core/Error.h"

namespace lathe::monitor {

using nlohmann::json;

std::size_t DriftReport::driftedCount() const {
  return static_cast<std::size_t>(std::count_if(features.begin(), features.end(), [](const FeatureDrift& f) {
    return f.drift;
  }));
}

void to_json(json& out, const DriftReport& report) {
  out = json{{"rows", report.rows}, {"features", report.features}, {"violations", report.violations}};
}

void from_json(const json& in, DriftReport& report) {
  if (!in.is_object()) throw Error(ErrorCode::Parse, "drift report: must be a JSON object");
  DriftReport r;
  if (in.contains("rows")) {
    const json& rows = in.at("rows");
    if (!rows.is_number_unsigned() && !(rows.is_number_integer() && rows.get<std::int64_t>() >= 0))
      throw Error(ErrorCode::Parse, "drift report: 'rows' must be a whole number, at least 0");
    r.rows = rows.get<std::uint64_t>();
  }
  for (const char* key : {"features", "violations"})
    if (in.contains(key) && !in.at(key).is_array())
      throw Error(ErrorCode::Parse, std::string("drift report: '") + key + "' must be an array");
  if (in.contains("features")) r.features = in.at("features").get<std::vector<FeatureDrift>>();
  if (in.contains("violations")) r.violations = in.at("violations").get<std::vector<Violation>>();
  report = std::move(r);
}

}  // namespace lathe::monitor
