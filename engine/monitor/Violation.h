#pragma once
#include <cstdint>
#include <string>

#include <nlohmann/json.hpp>

namespace lathe::monitor {

// A batch breaking one constraint of one feature.
struct Violation {
  enum class Kind { MissingColumn, TypeMismatch, MissingShare, OutOfRange, UnseenCategory, Drift };
  std::string feature;
  Kind kind = Kind::Drift;
  std::uint64_t count = 0;  // offending values (rows), where that applies
  std::string detail;       // in English for logs: "12 values above the maximum 310 (e.g. 512)"
  std::string example;      // one offending value, as text
};

const char* violationKindName(Violation::Kind kind);  // missing_column, type_mismatch, ...
void to_json(nlohmann::json& out, const Violation& violation);
void from_json(const nlohmann::json& in, Violation& violation);

}  // namespace lathe::monitor
