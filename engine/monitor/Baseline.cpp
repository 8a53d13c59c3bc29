#include "engine/monitor/Baseline.h"

#include <string>
#include <utility>

#include "engine/core/Error.h"

namespace lathe::monitor {

using nlohmann::json;

const FeatureBaseline* Baseline::feature(const std::string& name) const {
  for (const auto& f : features)
    if (f.name == name) return &f;
  return nullptr;
}

const FeatureConstraint* Baseline::constraint(const std::string& name) const {
  for (const auto& c : constraints)
    if (c.name == name) return &c;
  return nullptr;
}

FeatureConstraint* Baseline::constraint(const std::string& name) {
  for (auto& c : constraints)
    if (c.name == name) return &c;
  return nullptr;
}

void to_json(json& out, const Baseline& baseline) {
  out = json{{"source", baseline.source},
             {"rows", baseline.rows},
             {"features", baseline.features},
             {"constraints", baseline.constraints}};
}

void from_json(const json& in, Baseline& baseline) {
  if (!in.is_object()) throw Error(ErrorCode::Parse, "baseline: must be a JSON object");
  Baseline b;
  if (in.contains("source") && !in.at("source").is_null()) {
    if (!in.at("source").is_string()) throw Error(ErrorCode::Parse, "baseline: 'source' must be a string");
    b.source = in.at("source").get<std::string>();
  }
  if (in.contains("rows")) {
    const json& rows = in.at("rows");
    if (!rows.is_number_unsigned() && !(rows.is_number_integer() && rows.get<std::int64_t>() >= 0))
      throw Error(ErrorCode::Parse, "baseline: 'rows' must be a whole number, at least 0");
    b.rows = rows.get<std::uint64_t>();
  }
  for (const char* key : {"features", "constraints"})
    if (in.contains(key) && !in.at(key).is_array())
      throw Error(ErrorCode::Parse, std::string("baseline: '") + key + "' must be an array");
  if (in.contains("features")) b.features = in.at("features").get<std::vector<FeatureBaseline>>();
  if (in.contains("constraints")) b.constraints = in.at("constraints").get<std::vector<FeatureConstraint>>();
  baseline = std::move(b);
}

}  // namespace lathe::monitor
