#include <optional>

#include "engine/core/Error.h"
#include "engine/ml/AlgorithmCatalog.h"
#include "engine/ml/Dbscan.h"
#include "engine/ml/EstimatorRegistry.h"
#include "engine/ml/IsolationForest.h"
#include "engine/ml/KMeans.h"
#include "engine/ml/MlpParameterReader.h"
#include "engine/ml/Pca.h"

namespace lathe::ml {
namespace {

nlohmann::json orEmpty(const nlohmann::json& parameters) {
  return parameters.is_null() ? nlohmann::json::object() : parameters;
}

// Whether the parameter is given as that word ("auto").
bool isWord(const nlohmann::json& parameters, const std::string& name, const std::string& word) {
  if (!parameters.is_object() || !parameters.contains(name)) return false;
  const auto& value = parameters.at(name);
  return value.is_string() && value.get<std::string>() == word;
}

bool isUnset(const nlohmann::json& parameters, const std::string& name) {
  return !parameters.is_object() || !parameters.contains(name) || parameters.at(name).is_null() ||
         isWord(parameters, name, "None") || isWord(parameters, name, "null");
}

// random_state: null (a fresh seed each fit) or an integer, as sklearn's (0 .. 2^32 - 1).
std::optional<std::uint64_t> seed(const MlpParameterReader& reader, const nlohmann::json& parameters) {
  if (isUnset(parameters, "random_state")) return std::nullopt;
  return static_cast<std::uint64_t>(reader.integer("random_state", 0, 0, 4294967295LL));
}

[[noreturn]] void fail(const std::string& algorithm, const std::string& name, const std::string& expected,
                       const nlohmann::json& got) {
  throw Error(ErrorCode::InvalidArgument,
              algorithm + ": parameter '" + name + "' must be " + expected + ", got " + got.dump(), {}, got.dump());
}

std::unique_ptr<Estimator> makeKMeans(const nlohmann::json& given) {
  const nlohmann::json p = orEmpty(given);
  const MlpParameterReader reader("kmeans", p, {"n_clusters", "init", "n_init", "max_iter", "tol", "random_state", "n_jobs"});
  KMeans::Parameters out;
  out.clusters = static_cast<int>(reader.integer("n_clusters", 8, 1, 100000));
  reader.choice("init", "k-means++", {"k-means++"});
  // "auto": one run with k-means++ (scikit-learn >= 1.4); the default stays 1.2's 10.
  out.initRuns = isWord(p, "n_init", "auto") ? 1 : static_cast<int>(reader.integer("n_init", 10, 1, 1000));
  out.maxIterations = static_cast<int>(reader.integer("max_iter", 300, 1, 1000000));
  out.tolerance = reader.number("tol", 1e-4, 0.0, 1e6);
  out.seed = seed(reader, p);
  out.threads = static_cast<int>(reader.integer("n_jobs", 0, -1, 1024));
  if (out.threads < 0) out.threads = 0;
  return std::make_unique<KMeans>(out);
}

std::unique_ptr<Estimator> makePca(const nlohmann::json& given) {
  const nlohmann::json p = orEmpty(given);
  const MlpParameterReader reader("pca", p, {"n_components"});
  Pca::Parameters out;
  if (!isUnset(p, "n_components")) {
    const double value = reader.number("n_components", 0.0, 0.0, 1e7);
    if (value > 0.0 && value < 1.0)
      out.varianceFraction = value;
    else if (value >= 1.0 && value == static_cast<double>(static_cast<int>(value)))
      out.components = static_cast<int>(value);
    else
      fail("pca", "n_components", "null, an integer from 1, or a fraction of variance in (0, 1)", p.at("n_components"));
  }
  return std::make_unique<Pca>(out);
}

std::unique_ptr<Estimator> makeDbscan(const nlohmann::json& given) {
  const nlohmann::json p = orEmpty(given);
  const MlpParameterReader reader("dbscan", p, {"eps", "min_samples", "metric", "n_jobs"});
  Dbscan::Parameters out;
  out.eps = reader.number("eps", 0.5, 0.0, 1e300);
  if (!(out.eps > 0.0)) fail("dbscan", "eps", "a positive number", p.at("eps"));
  out.minSamples = static_cast<int>(reader.integer("min_samples", 5, 1, 1000000000));
  reader.choice("metric", "euclidean", {"euclidean"});
  out.threads = std::max(0, static_cast<int>(reader.integer("n_jobs", 0, -1, 1024)));
  return std::make_unique<Dbscan>(out);
}

std::unique_ptr<Estimator> makeIsolationForest(const nlohmann::json& given) {
  const nlohmann::json p = orEmpty(given);
  const MlpParameterReader reader("isolation_forest", p,
                                  {"n_estimators", "max_samples", "contamination", "random_state", "n_jobs"});
  IsolationForest::Parameters out;
  out.trees = static_cast<int>(reader.integer("n_estimators", 100, 1, 100000));
  if (!isUnset(p, "max_samples") && !isWord(p, "max_samples", "auto")) {
    const double value = reader.number("max_samples", 0.0, 0.0, 1e12);
    const bool whole = p.at("max_samples").is_number_integer() ||
                       (value > 1.0 && value == static_cast<double>(static_cast<std::int64_t>(value)));
    if (whole && value >= 1.0)
      out.maxSamples = static_cast<std::int64_t>(value);
    else if (value > 0.0 && value <= 1.0)
      out.maxSamplesFraction = value;
    else
      fail("isolation_forest", "max_samples", "\"auto\", a row count from 1 or a fraction in (0, 1]", p.at("max_samples"));
  }
  if (!isUnset(p, "contamination") && !isWord(p, "contamination", "auto")) {
    out.contamination = reader.number("contamination", 0.0, 0.0, 0.5);
    if (!(out.contamination > 0.0))
      fail("isolation_forest", "contamination", "\"auto\" or a fraction in (0, 0.5]", p.at("contamination"));
  }
  out.seed = seed(reader, p);
  out.threads = std::max(0, static_cast<int>(reader.integer("n_jobs", 0, -1, 1024)));
  return std::make_unique<IsolationForest>(out);
}

}  // namespace

void registerUnsupervisedModels() {
  EstimatorRegistry::add("kmeans", makeKMeans);
  EstimatorRegistry::add("pca", makePca);
  EstimatorRegistry::add("dbscan", makeDbscan);
  EstimatorRegistry::add("isolation_forest", makeIsolationForest);
}

}  // namespace lathe::ml
