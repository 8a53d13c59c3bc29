#pragma once
#include <cmath>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

namespace lathe::monitor {

// Reading and writing optional numbers the same way everywhere: null when empty, and a number
// that is not finite also written as null (JSON has no NaN).
inline nlohmann::json optionalNumber(const std::optional<double>& value) {
  if (!value || !std::isfinite(*value)) return nullptr;
  return *value;
}
inline std::optional<double> readOptionalNumber(const nlohmann::json& in, const char* key) {
  const auto it = in.find(key);
  if (it == in.end() || !it->is_number()) return std::nullopt;
  return it->get<double>();
}

}  // namespace lathe::monitor
