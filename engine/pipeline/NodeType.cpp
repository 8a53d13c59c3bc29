#include "engine/pipeline/NodeType.h"

#include <exception>

namespace lathe::pipeline {

nlohmann::json NodeType::effectiveParameters(const nlohmann::json& parameters) const {
  nlohmann::json merged = defaultParameters.is_object() ? defaultParameters : nlohmann::json::object();
  if (parameters.is_object())
    for (const auto& [key, value] : parameters.items()) merged[key] = value;
  return merged;
}

std::vector<std::string> NodeType::parameterProblems(const nlohmann::json& parameters) const {
  if (!parameters.is_object()) return {"the parameters must be a JSON object"};
  if (!check) return {};
  try {
    return check(effectiveParameters(parameters));
  } catch (const std::exception& e) {
    return {e.what()};
  } catch (...) {
    return {"the parameter check failed"};
  }
}

}  // namespace lathe::pipeline
