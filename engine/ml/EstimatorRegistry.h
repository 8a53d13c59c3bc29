#pragma once
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "engine/ml/Estimator.h"
#include "engine/ml/FeatureEncoder.h"

namespace lathe::ml {

// Every algorithm by its CLI name. Parameters are validated by each factory: an unknown
// parameter or a bad value is lathe::Error(InvalidArgument) naming the algorithm and the
// parameter ("logistic: parameter 'C' must be a positive number, got -1"). Every algorithm also
// takes impute = "median" | "none": "median" wraps it in an ImputedEstimator, which fills
// missing values from the training rows (median / most frequent) before the algorithm sees them.
class EstimatorRegistry {
 public:
  using Factory = std::function<std::unique_ptr<Estimator>(const nlohmann::json& parameters)>;

  static std::unique_ptr<Estimator> create(const std::string& algorithm, const nlohmann::json& parameters = {});
  static std::vector<std::string> algorithms();
  // How `algorithm` wants categories: trees split on level codes as well as on one-hot columns,
  // with far fewer columns; the others need one-hot columns.
  static FeatureEncoder::Categories categoriesFor(const std::string& algorithm);
  static void add(const std::string& algorithm, Factory factory);
};

}  // namespace lathe::ml
