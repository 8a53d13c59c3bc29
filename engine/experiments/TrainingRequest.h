#pragma once
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "engine/data/Table.h"
#include "engine/ml/FeatureEncoder.h"

namespace lathe::experiments {

// How a training is judged: k-fold cross-validation (metrics, curves and the confusion matrix
// from every row's out-of-fold prediction, split "cv") or a holdout (split "test", and
// "validation" when a validation share is asked for).
struct ValidationScheme {
  enum class Kind { CrossValidation, Holdout };
  Kind kind = Kind::CrossValidation;
  std::size_t folds = 5;
  double testFraction = 0.25;
  double validationFraction = 0.0;
  std::uint64_t seed = 0;

  nlohmann::json toJson() const;
};

// Everything one training needs. The data: `table` (an immutable snapshot, shared, never
// copied) or, without one, the stored dataset version `datasetVersionId`, loaded by the job.
struct TrainingRequest {
  std::shared_ptr<const data::Table> table;
  std::string target;
  std::vector<std::string> features;  // empty: every column but the target
  ml::FeatureEncoder::TargetKind targetKind = ml::FeatureEncoder::TargetKind::Detect;
  std::string algorithm;
  nlohmann::json parameters = nlohmann::json::object();
  ValidationScheme validation;
  bool learningCurve = true;  // also fit on growing shares of the rows (bias/variance verdict)
  std::string runName;        // empty: "<algorithm> <n>" chosen by the job
  std::optional<std::int64_t> datasetVersionId;
  std::string recipeHash;
  std::string lineageJson = "{}";  // a pipeline's TableLineage of `table`, stored with the run
};

}  // namespace lathe::experiments
