#pragma once
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "engine/wrangle/RecipeStep.h"

namespace lathe::wrangle {

// Every kind of step a recipe can hold, by its stable name. A step's parameters are validated
// by its factory: a malformed one is lathe::Error(Parse) naming the kind and the parameter.
class StepRegistry {
 public:
  using Factory = std::function<std::unique_ptr<RecipeStep>(const nlohmann::json& parameters)>;

  static std::unique_ptr<RecipeStep> create(const std::string& kind, const nlohmann::json& parameters);
  static std::vector<std::string> kinds();
  // Called once per kind from StepRegistry.cpp's table; not for use elsewhere.
  static void add(const std::string& kind, Factory factory);
};

}  // namespace lathe::wrangle
