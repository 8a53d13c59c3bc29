#pragma once
#include <cstdint>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace lathe::tune {

// One hyperparameter to search: a real or whole-number range (optionally on a log scale) or a
// list of choices. `when` makes it conditional: it is set only when another parameter of the
// same trial has one of the listed values (l1_ratio only for the elastic-net penalty).
struct ParameterRange {
  enum class Kind { Real, Integer, Choice };
  std::string name;
  Kind kind = Kind::Real;
  double low = 0.0;
  double high = 1.0;
  bool log = false;
  nlohmann::json choices = nlohmann::json::array();
  std::string whenParameter;
  nlohmann::json whenValues = nlohmann::json::array();

  static ParameterRange real(std::string name, double low, double high, bool log = false);
  static ParameterRange integer(std::string name, std::int64_t low, std::int64_t high, bool log = false);
  static ParameterRange choice(std::string name, nlohmann::json choices);
  ParameterRange when(std::string parameter, nlohmann::json values) &&;

  // Whether the parameter applies to a trial that has these values so far.
  bool appliesTo(const nlohmann::json& values) const;
  // The value at u in [0, 1]: evenly in (log) space for ranges, the u-th share of the choices.
  nlohmann::json valueAt(double u) const;
  // Where a value lies in [0, 1] (the inverse of valueAt; a choice's index share), or nothing
  // for a value outside the range.
  std::optional<double> positionOf(const nlohmann::json& value) const;
  nlohmann::json toJson() const;
};

// The hyperparameters a tuning searches, in order (a conditional one after what it depends on),
// and the values every trial shares. Spaces for every algorithm the studio trains are built in
// (defaultFor); a user's own is JSON:
//   {"C": {"low": 0.001, "high": 100, "log": true}, "max_depth": {"low": 2, "high": 12, "type": "int"},
//    "penalty": ["l1", "l2"], "l1_ratio": {"low": 0, "high": 1, "when": {"penalty": ["elasticnet"]}}}
class SearchSpace {
 public:
  std::vector<ParameterRange> parameters;
  nlohmann::json fixed = nlohmann::json::object();

  // The built-in space for an algorithm of the EstimatorRegistry. Throws lathe::Error for one
  // without a space (unsupervised algorithms).
  static SearchSpace defaultFor(const std::string& algorithm);
  // Throws lathe::Error naming the parameter that is malformed.
  static SearchSpace fromJson(const nlohmann::json& json);
  nlohmann::json toJson() const;

  // A uniformly random point (log-uniform on log ranges), with the fixed values.
  nlohmann::json sample(std::mt19937_64& random) const;
  // The number of points a grid with `steps` values per range has (choices count in full).
  std::size_t gridSize(std::size_t steps) const;
  // The i-th point of that grid (i < gridSize), the first parameter varying slowest.
  nlohmann::json gridPoint(std::size_t index, std::size_t steps) const;
  // A point with the fixed values and, for each applicable parameter, `values` (a trial's
  // suggestion) as given.
  nlohmann::json withFixed(nlohmann::json values) const;
};

}  // namespace lathe::tune
