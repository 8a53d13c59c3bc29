#include "engine/wrangle/StepRegistry.h"

#include <map>
#include <mutex>

#include "engine/core/Error.h"
#include "engine/wrangle/StepCatalog.h"

namespace lathe::wrangle {
namespace {

std::map<std::string, StepRegistry::Factory>& factories() {
  static std::map<std::string, StepRegistry::Factory> table;
  return table;
}

// Explicit registration, once: a static library drops object files nothing refers to, so
// self-registering steps would silently vanish from the binary.
void registerAll() {
  static std::once_flag once;
  std::call_once(once, [] {
    registerCoreSteps();
    registerFeatureSteps();
  });
}

}  // namespace

void StepRegistry::add(const std::string& kind, Factory factory) { factories()[kind] = std::move(factory); }

std::unique_ptr<RecipeStep> StepRegistry::create(const std::string& kind, const nlohmann::json& parameters) {
  registerAll();
  const auto it = factories().find(kind);
  if (it == factories().end()) throw Error(ErrorCode::Parse, "unknown recipe step '" + kind + "'");
  return it->second(parameters);
}

std::vector<std::string> StepRegistry::kinds() {
  registerAll();
  std::vector<std::string> out;
  for (const auto& [kind, factory] : factories()) out.push_back(kind);
  return out;
}

}  // namespace lathe::wrangle
