#include "engine/ml/EstimatorRegistry.h"

#include <map>
#include <mutex>

#include "engine/core/Error.h"
#include "engine/ml/AlgorithmCatalog.h"
#include "engine/ml/ImputedEstimator.h"
#include "engine/ml/VotingEnsemble.h"

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
    // Several of the above voting as one; its factory creates its members through this registry.
    EstimatorRegistry::add(VotingEnsemble::kAlgorithm, &VotingEnsemble::create);
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

FeatureEncoder::Categories EstimatorRegistry::categoriesFor(const std::string& algorithm) {
  return algorithm == "tree" || algorithm == "forest" || algorithm == "xgboost" || algorithm == "isolation_forest"
             ? FeatureEncoder::Categories::Codes
             : FeatureEncoder::Categories::OneHot;
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
  nlohmann::json own = parameters.is_null() ? nlohmann::json::object() : parameters;
  // impute applies to every algorithm, so it is taken here rather than by each factory.
  bool impute = false;
  if (const auto it = own.find(ImputedEstimator::kParameter); it != own.end()) {
    if (*it != ImputedEstimator::kMedian && *it != "none")
      throw Error(ErrorCode::InvalidArgument,
                  algorithm + ": parameter 'impute' must be \"median\" or \"none\", got " + it->dump(), {}, it->dump());
    impute = *it == ImputedEstimator::kMedian;
    own.erase(it);
  }
  auto estimator = factory(own);
  if (impute) return std::make_unique<ImputedEstimator>(std::move(estimator));
  return estimator;
}

}  // namespace lathe::ml
