#pragma once
#include <cstddef>
#include <initializer_list>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "engine/ml/FeatureMatrix.h"

namespace lathe::ml {

// What the linear models share: checking their inputs and parameters, and column statistics.
class LinearInputs {
 public:
  // Throws lathe::Error(InvalidArgument) naming the first feature holding NaN or infinity
  // (and its row): linear models cannot use missing values; the recipe's fill step is the cure.
  static void requireFinite(const FeatureMatrix& x, const std::string& algorithm);
  static void requireFiniteTarget(const std::vector<double>& y, const std::string& algorithm);
  // Throws InvalidArgument when `x` does not have the fitted model's number of features.
  static void requireColumns(const FeatureMatrix& x, std::size_t expected, const std::string& algorithm);
  // Per column: the mean and the population standard deviation.
  static void meanAndStd(const FeatureMatrix& x, std::vector<double>& mean, std::vector<double>& std);
  // Refuses a parameter not in `known`, naming it and the known ones.
  static void requireKnown(const nlohmann::json& parameters, std::initializer_list<const char*> known,
                           const std::string& algorithm);
  // A number parameter (default when absent) checked to be finite and in [low, high]
  // (exclusive low when `lowOpen`).
  static double number(const nlohmann::json& parameters, const char* name, double fallback, double low, bool lowOpen,
                       double high, const std::string& algorithm);
  static bool boolean(const nlohmann::json& parameters, const char* name, bool fallback, const std::string& algorithm);
  static std::string choice(const nlohmann::json& parameters, const char* name, const std::string& fallback,
                            std::initializer_list<const char*> allowed, const std::string& algorithm);
  // Importances from coefficients: |coef| times the feature's std, normalised to sum to 1
  // (all zeros when every coefficient is zero). `coef` is classes x features, row-major.
  static std::vector<double> importances(const std::vector<double>& coef, const std::vector<double>& std);
};

}  // namespace lathe::ml
