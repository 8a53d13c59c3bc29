#include "engine/monitor/Violation.h"

#include <string>
#include <utility>

#include "engine/core/Error.h"

namespace lathe::monitor {

using nlohmann::json;

const char* violationKindName(Violation::Kind kind) {
  switch (kind) {
    case Violation::Kind::MissingColumn: return "missing_column";
    case Violation::Kind::TypeMismatch: return "type_mismatch";
    case Violation::Kind::MissingShare: return "missing_share";
    case Violation::Kind::OutOfRange: return "out_of_range";
    case Violation::Kind::UnseenCategory: return "unseen_category";
    case Violation::Kind::Drift: return "drift";
  }
  return "drift";
}

void to_json(json& out, const Violation& violation) {
  out = json{{"feature", violation.feature},
             {"kind", violationKindName(violation.kind)},
             {"count", violation.count},
             {"detail", violation.detail},
             {"example", violation.example}};
}

void from_json(const json& in, Violation& violation) {
  if (!in.is_object()) throw Error(ErrorCode::Parse, "violation: must be a JSON object");
  Violation v;
  auto text = [&](const char* key) -> std::string {
    if (!in.contains(key) || in.at(key).is_null()) return {};
    if (!in.at(key).is_string()) throw Error(ErrorCode::Parse, std::string("violation: '") + key + "' must be a string");
    return in.at(key).get<std::string>();
  };
  v.feature = text("feature");
  const std::string kind = text("kind");
  bool known = false;
  for (auto k : {Violation::Kind::MissingColumn, Violation::Kind::TypeMismatch, Violation::Kind::MissingShare,
                 Violation::Kind::OutOfRange, Violation::Kind::UnseenCategory, Violation::Kind::Drift})
    if (kind == violationKindName(k)) {
      v.kind = k;
      known = true;
    }
  if (!known)
    throw Error(ErrorCode::Parse,
                "violation: unknown kind \"" + kind +
                    "\" (they are missing_column, type_mismatch, missing_share, out_of_range, unseen_category, drift)",
                {}, kind);
  if (in.contains("count")) {
    const json& count = in.at("count");
    if (!count.is_number_unsigned() && !(count.is_number_integer() && count.get<std::int64_t>() >= 0))
      throw Error(ErrorCode::Parse, "violation: 'count' must be a whole number, at least 0");
    v.count = count.get<std::uint64_t>();
  }
  v.detail = text("detail");
  v.example = text("example");
  violation = std::move(v);
}

}  // namespace lathe::monitor
