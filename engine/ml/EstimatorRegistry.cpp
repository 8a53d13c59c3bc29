#include "engine/ml/EstimatorRegistry.h"

#include <map>
#include <mutex>

#include "engine/core/Error.h"
#include "engine/ml/AlgorithmCatalog.h"

namespace lathe::ml {

namespace {

struct Table {
  std::mutex mutex;
  std::map<std::string, EstimatorRegistry::Factory> factories;
};

Table& table() {
  static Table instance;
  return instance;
}

// The families register themselves once, on first use, so no static-initialisation order matters.
void ensureRegistered() {
  static std::once_flag once;
  std::call_once(once, [] {
    registerLinearModels();
    registerTreeModels();
    registerBoostingAndBayes();
    registerNeuralAndNeighbours();
    registerUnsupervisedModels();
  });
}

}  // namespace

void EstimatorRegistry::add(const std::string& algorithm, Factory factory) {
  auto& t = table();
  std::lock_guard lock(t.mutex);
  t.factories[algorithm] = std::move(factory);
}

std::vector<std::string> EstimatorRegistry::algorithms() {
  ensureRegistered();
  auto& t = table();
  std::lock_guard lock(t.mutex);
  std::vector<std::string> names;
  for (const auto& [name, factory] : t.factories) names.push_back(name);
  return names;
}

std::unique_ptr<Estimator> EstimatorRegistry::create(const std::string& algorithm, const nlohmann::json& parameters) {
  ensureRegistered();
  Factory factory;
  {
    auto& t = table();
    std::lock_guard lock(t.mutex);
    if (auto it = t.factories.find(algorithm); it != t.factories.end()) factory = it->second;
  }
  if (!factory) {
    std::string known;
    for (const auto& name : algorithms()) known += (known.empty() ? "" : ", ") + name;
    throw Error(ErrorCode::InvalidArgument,
                "unknown algorithm '" + algorithm + "'; known algorithms: " + (known.empty() ? "(none)" : known), {},
                algorithm);
  }
  if (!parameters.is_null() && !parameters.is_object())
    throw Error(ErrorCode::InvalidArgument, algorithm + ": parameters must be a JSON object");
  return factory(parameters.is_null() ? nlohmann::json::object() : parameters);
}

}  // namespace lathe::ml
