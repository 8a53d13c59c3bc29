#include "engine/tune/SearchSpace.h"

#include <algorithm>
#include <cmath>

#include "engine/core/Error.h"

namespace lathe::tune {
namespace {

using nlohmann::json;

Error bad(const std::string& name, const std::string& why) {
  return Error(ErrorCode::InvalidArgument, "search space: '" + name + "' " + why);
}

double toScale(double v, bool log) { return log ? std::log(v) : v; }
double fromScale(double s, bool log) { return log ? std::exp(s) : s; }

}  // namespace

ParameterRange ParameterRange::real(std::string name, double low, double high, bool log) {
  ParameterRange p;
  p.name = std::move(name);
  p.kind = Kind::Real;
  p.low = low;
  p.high = high;
  p.log = log;
  return p;
}

ParameterRange ParameterRange::integer(std::string name, std::int64_t low, std::int64_t high, bool log) {
  ParameterRange p = real(std::move(name), static_cast<double>(low), static_cast<double>(high), log);
  p.kind = Kind::Integer;
  return p;
}

ParameterRange ParameterRange::choice(std::string name, json choices) {
  ParameterRange p;
  p.name = std::move(name);
  p.kind = Kind::Choice;
  p.choices = std::move(choices);
  return p;
}

ParameterRange ParameterRange::when(std::string parameter, json values) && {
  whenParameter = std::move(parameter);
  whenValues = std::move(values);
  return std::move(*this);
}

bool ParameterRange::appliesTo(const json& values) const {
  if (whenParameter.empty()) return true;
  const auto it = values.find(whenParameter);
  if (it == values.end()) return false;
  return std::find(whenValues.begin(), whenValues.end(), *it) != whenValues.end();
}

json ParameterRange::valueAt(double u) const {
  u = std::clamp(u, 0.0, 1.0);
  if (kind == Kind::Choice) {
    const auto n = choices.size();
    return choices.at(std::min<std::size_t>(n - 1, static_cast<std::size_t>(u * static_cast<double>(n))));
  }
  const double a = toScale(low, log), b = toScale(high, log);
  double v = fromScale(a + u * (b - a), log);
  if (kind == Kind::Integer) return static_cast<std::int64_t>(std::clamp(std::round(v), low, high));
  return std::clamp(v, low, high);
}

std::optional<double> ParameterRange::positionOf(const json& value) const {
  if (kind == Kind::Choice) {
    const auto it = std::find(choices.begin(), choices.end(), value);
    if (it == choices.end()) return std::nullopt;
    const auto index = static_cast<double>(std::distance(choices.begin(), it));
    return (index + 0.5) / static_cast<double>(choices.size());
  }
  if (!value.is_number()) return std::nullopt;
  const double v = value.get<double>();
  if (!(v >= low && v <= high)) return std::nullopt;
  const double a = toScale(low, log), b = toScale(high, log);
  return b > a ? (toScale(v, log) - a) / (b - a) : 0.5;
}

json ParameterRange::toJson() const {
  json out;
  if (kind == Kind::Choice) {
    out = {{"choices", choices}};
  } else {
    out = {{"low", low}, {"high", high}, {"type", kind == Kind::Integer ? "int" : "real"}, {"log", log}};
  }
  if (!whenParameter.empty()) out["when"] = {{whenParameter, whenValues}};
  return out;
}

SearchSpace SearchSpace::defaultFor(const std::string& algorithm) {
  using P = ParameterRange;
  SearchSpace s;
  if (algorithm == "logistic") {
    s.parameters = {P::real("C", 1e-3, 1e2, true), P::choice("penalty", {"l2", "l1"})};
    s.fixed = {{"max_iter", 1000}};
  } else if (algorithm == "linear") {
    s.parameters = {P::choice("penalty", {"none", "l2", "l1", "elasticnet"}),
                    P::real("alpha", 1e-4, 1e2, true).when("penalty", {"l2", "l1", "elasticnet"}),
                    P::real("l1_ratio", 0.05, 0.95).when("penalty", {"elasticnet"})};
  } else if (algorithm == "tree") {
    s.parameters = {P::choice("criterion", {"gini", "entropy"}), P::integer("max_depth", 2, 16),
                    P::integer("min_samples_leaf", 1, 50, true)};
  } else if (algorithm == "forest") {
    s.parameters = {P::integer("n_estimators", 50, 400, true), P::integer("max_depth", 3, 24),
                    P::integer("min_samples_leaf", 1, 20, true), P::choice("max_features", {"sqrt", "log2", 0.5})};
  } else if (algorithm == "xgboost") {
    s.parameters = {P::integer("n_estimators", 50, 500, true), P::integer("max_depth", 2, 8),
                    P::real("learning_rate", 0.01, 0.3, true), P::real("subsample", 0.5, 1.0),
                    P::real("colsample_bytree", 0.5, 1.0), P::real("min_child_weight", 0.5, 10.0, true)};
  } else if (algorithm == "knn") {
    s.parameters = {P::integer("n_neighbors", 1, 50, true), P::choice("weights", {"uniform", "distance"}),
                    P::choice("metric", {"euclidean", "manhattan"})};
  } else if (algorithm == "naive_bayes") {
    s.parameters = {P::real("var_smoothing", 1e-12, 1e-3, true)};
  } else if (algorithm == "mlp") {
    s.parameters = {P::choice("hidden_layer_sizes", {json::array({50}), json::array({100}), json::array({100, 50})}),
                    P::real("alpha", 1e-6, 1e-1, true), P::real("learning_rate_init", 1e-4, 1e-2, true)};
    s.fixed = {{"max_iter", 200}, {"early_stopping", true}};
  } else {
    throw Error(ErrorCode::InvalidArgument, "no search space is built in for '" + algorithm +
                                                "': give one (--space) or choose a supervised algorithm");
  }
  return s;
}

SearchSpace SearchSpace::fromJson(const json& in) {
  if (!in.is_object()) throw Error(ErrorCode::InvalidArgument, "a search space is a JSON object of parameter: range");
  SearchSpace s;
  for (const auto& [name, spec] : in.items()) {
    if (name == "fixed") {
      if (!spec.is_object()) throw bad(name, "must be an object of the values every trial shares");
      s.fixed = spec;
      continue;
    }
    if (spec.is_array()) {
      if (spec.empty()) throw bad(name, "has no choices");
      s.parameters.push_back(ParameterRange::choice(name, spec));
      continue;
    }
    if (!spec.is_object()) throw bad(name, "must be a list of choices or {\"low\": ..., \"high\": ...}");
    ParameterRange p;
    if (spec.contains("choices")) {
      if (!spec["choices"].is_array() || spec["choices"].empty()) throw bad(name, "needs a non-empty list of choices");
      p = ParameterRange::choice(name, spec["choices"]);
    } else {
      const json low = spec.value("low", json()), high = spec.value("high", json());
      if (!low.is_number() || !high.is_number()) throw bad(name, "needs numbers \"low\" and \"high\"");
      const std::string type = spec.value("type", std::string(low.is_number_integer() && high.is_number_integer() ? "int" : "real"));
      if (type != "int" && type != "real") throw bad(name, "has type '" + type + "': use \"int\" or \"real\"");
      p = ParameterRange::real(name, low.get<double>(), high.get<double>(), spec.value("log", false));
      if (type == "int") p.kind = ParameterRange::Kind::Integer;
      if (!(p.low <= p.high) || !std::isfinite(p.low) || !std::isfinite(p.high))
        throw bad(name, "needs low <= high, both finite");
      if (p.log && !(p.low > 0)) throw bad(name, "is on a log scale, so low must be above 0");
    }
    if (spec.contains("when")) {
      const json& when = spec["when"];
      if (!when.is_object() || when.size() != 1 || !when.begin().value().is_array())
        throw bad(name, "has \"when\" other than {\"parameter\": [values]}");
      p.whenParameter = when.begin().key();
      p.whenValues = when.begin().value();
    }
    s.parameters.push_back(std::move(p));
  }
  // What a condition depends on comes first, so a trial's values are drawn in order.
  std::stable_sort(s.parameters.begin(), s.parameters.end(),
                   [](const ParameterRange& a, const ParameterRange& b) { return a.whenParameter.empty() && !b.whenParameter.empty(); });
  for (const auto& p : s.parameters)
    if (!p.whenParameter.empty() &&
        std::none_of(s.parameters.begin(), s.parameters.end(), [&](const ParameterRange& q) { return q.name == p.whenParameter; }))
      throw bad(p.name, "depends on '" + p.whenParameter + "', which is not in the space");
  if (s.parameters.empty()) throw Error(ErrorCode::InvalidArgument, "the search space has no parameter to search");
  return s;
}

json SearchSpace::toJson() const {
  json out = json::object();
  for (const auto& p : parameters) out[p.name] = p.toJson();
  if (!fixed.empty()) out["fixed"] = fixed;
  return out;
}

json SearchSpace::withFixed(json values) const {
  json out = fixed.is_object() ? fixed : json::object();
  for (const auto& p : parameters)
    if (values.contains(p.name) && p.appliesTo(out)) out[p.name] = values[p.name];
  return out;
}

json SearchSpace::sample(std::mt19937_64& random) const {
  std::uniform_real_distribution<double> unit(0.0, 1.0);
  json out = fixed.is_object() ? fixed : json::object();
  for (const auto& p : parameters) {
    const double u = unit(random);  // drawn for every parameter: a condition does not shift the rest
    if (p.appliesTo(out)) out[p.name] = p.valueAt(u);
  }
  return out;
}

std::size_t SearchSpace::gridSize(std::size_t steps) const {
  std::size_t size = 1;
  for (const auto& p : parameters) {
    const std::size_t n = p.kind == ParameterRange::Kind::Choice ? p.choices.size() : std::max<std::size_t>(1, steps);
    size = size > (std::size_t{1} << 40) / n ? (std::size_t{1} << 40) : size * n;
  }
  return size;
}

json SearchSpace::gridPoint(std::size_t index, std::size_t steps) const {
  json out = fixed.is_object() ? fixed : json::object();
  std::vector<std::size_t> digits(parameters.size());
  for (std::size_t i = parameters.size(); i-- > 0;) {
    const auto& p = parameters[i];
    const std::size_t n = p.kind == ParameterRange::Kind::Choice ? p.choices.size() : std::max<std::size_t>(1, steps);
    digits[i] = index % n;
    index /= n;
  }
  for (std::size_t i = 0; i < parameters.size(); ++i) {
    const auto& p = parameters[i];
    if (!p.appliesTo(out)) continue;
    if (p.kind == ParameterRange::Kind::Choice) {
      out[p.name] = p.choices.at(digits[i]);
    } else {
      const double n = static_cast<double>(std::max<std::size_t>(1, steps));
      out[p.name] = p.valueAt(n > 1 ? static_cast<double>(digits[i]) / (n - 1) : 0.5);
    }
  }
  return out;
}

}  // namespace lathe::tune
