#include "engine/ml/TreeParameters.h"

#include <cmath>

#include "engine/core/Error.h"

namespace lathe::ml {
namespace {

[[noreturn]] void badParameter(const std::string& algorithm, const std::string& name, const std::string& expected,
                               const nlohmann::json& got) {
  throw Error(ErrorCode::InvalidArgument,
              algorithm + ": parameter '" + name + "' must be " + expected + ", got " + got.dump(), {}, got.dump());
}

std::size_t wholeNumber(const std::string& algorithm, const std::string& name, const nlohmann::json& v, std::int64_t min) {
  if (v.is_number_integer() && v.get<std::int64_t>() >= min && v.get<std::int64_t>() <= (std::int64_t{1} << 40))
    return static_cast<std::size_t>(v.get<std::int64_t>());
  if (v.is_number_float() && std::isfinite(v.get<double>()) && v.get<double>() == std::floor(v.get<double>()) &&
      v.get<double>() >= static_cast<double>(min) && v.get<double>() <= 1e12)
    return static_cast<std::size_t>(v.get<double>());
  badParameter(algorithm, name, "a whole number >= " + std::to_string(min), v);
}

}  // namespace

void refuseUnknownParameters(const std::string& algorithm, const nlohmann::json& rest) {
  if (!rest.is_object() || rest.empty()) return;
  throw Error(ErrorCode::InvalidArgument, algorithm + ": unknown parameter '" + rest.begin().key() + "'", {},
              rest.begin().key());
}

TreeParameters TreeParameters::read(const std::string& algorithm, nlohmann::json& rest) {
  if (rest.is_null()) rest = nlohmann::json::object();
  if (!rest.is_object())
    throw Error(ErrorCode::InvalidArgument, algorithm + ": parameters must be a JSON object, got " + rest.dump());
  TreeParameters p;
  const auto take = [&](const char* name) -> std::optional<nlohmann::json> {
    auto it = rest.find(name);
    if (it == rest.end()) return std::nullopt;
    nlohmann::json v = *it;
    rest.erase(it);
    return v;
  };
  if (auto v = take("criterion")) {
    if (!v->is_string() || (*v != "auto" && *v != "gini" && *v != "entropy" && *v != "squared_error"))
      badParameter(algorithm, "criterion", "one of auto, gini, entropy, squared_error", *v);
    p.criterion = v->get<std::string>();
  }
  if (auto v = take("max_depth"); v && !v->is_null()) p.maxDepth = wholeNumber(algorithm, "max_depth", *v, 1);
  if (auto v = take("min_samples_split")) p.minSamplesSplit = wholeNumber(algorithm, "min_samples_split", *v, 2);
  if (auto v = take("min_samples_leaf")) p.minSamplesLeaf = wholeNumber(algorithm, "min_samples_leaf", *v, 1);
  if (auto v = take("max_features")) {
    const bool ok = v->is_null() || (v->is_string() && (*v == "auto" || *v == "sqrt" || *v == "log2")) ||
                    (v->is_number_integer() && v->get<std::int64_t>() >= 1) ||
                    (v->is_number_float() && v->get<double>() > 0.0 && v->get<double>() <= 1.0);
    if (!ok) badParameter(algorithm, "max_features", "auto, sqrt, log2, null, a whole number >= 1 or a fraction in (0, 1]", *v);
    p.maxFeatures = *v;
  }
  if (auto v = take("random_state")) {
    if (!v->is_number_integer() || v->get<std::int64_t>() < 0)
      badParameter(algorithm, "random_state", "a whole number >= 0", *v);
    p.randomState = v->get<std::uint64_t>();
  }
  return p;
}

void TreeParameters::write(nlohmann::json& out) const {
  out["criterion"] = criterion;
  out["max_depth"] = maxDepth ? nlohmann::json(*maxDepth) : nlohmann::json(nullptr);
  out["min_samples_split"] = minSamplesSplit;
  out["min_samples_leaf"] = minSamplesLeaf;
  out["max_features"] = maxFeatures;
  out["random_state"] = randomState;
}

TreeSettings TreeParameters::settingsFor(const std::string& algorithm, Task task, std::size_t features, bool forest) const {
  TreeSettings s;
  const bool classify = isClassification(task);
  if (!classify && task != Task::Regression)
    throw Error(ErrorCode::InvalidArgument, algorithm + ": needs a target (classification or regression), not " +
                                                std::string(taskName(task)));
  if (criterion == "auto")
    s.criterion = classify ? TreeCriterion::Gini : TreeCriterion::SquaredError;
  else if (criterion == "squared_error") {
    if (classify)
      throw Error(ErrorCode::InvalidArgument, algorithm + ": criterion 'squared_error' is for regression; use gini or entropy");
    s.criterion = TreeCriterion::SquaredError;
  } else {
    if (!classify)
      throw Error(ErrorCode::InvalidArgument, algorithm + ": criterion '" + criterion + "' is for classification; use squared_error");
    s.criterion = criterion == "gini" ? TreeCriterion::Gini : TreeCriterion::Entropy;
  }
  if (maxDepth) s.maxDepth = *maxDepth;
  s.minSamplesSplit = minSamplesSplit;
  s.minSamplesLeaf = minSamplesLeaf;
  const auto n = static_cast<double>(features);
  std::size_t count = features;
  if (maxFeatures.is_string()) {
    const std::string name = maxFeatures.get<std::string>();
    if (name == "sqrt" || (name == "auto" && forest && classify))
      count = static_cast<std::size_t>(std::sqrt(n));
    else if (name == "log2")
      count = static_cast<std::size_t>(std::log2(std::max(n, 1.0)));
  } else if (maxFeatures.is_number_integer()) {
    count = std::min<std::size_t>(features, maxFeatures.get<std::size_t>());
  } else if (maxFeatures.is_number_float()) {
    count = static_cast<std::size_t>(maxFeatures.get<double>() * n);
  }
  s.maxFeatures = std::max<std::size_t>(1, count);
  return s;
}

}  // namespace lathe::ml
