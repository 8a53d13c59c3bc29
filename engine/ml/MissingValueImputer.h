#pragma once
#include <vector>

#include "engine/ml/FeatureMatrix.h"
#include "engine/ml/TrainingData.h"

namespace lathe::ml {

class ModelWriter;
class ModelReader;

// Fills missing feature values (NaN) with what was learned from the training rows, as
// scikit-learn's SimpleImputer does before an estimator that cannot use NaN: a number's median,
// a category code's most frequent code, and for a one-hot category the most frequent level
// (1 in its indicator, 0 in the others). Fitting inside each cross-validation fold keeps the
// held-out rows out of the fill values. Infinite values are left for the estimator to refuse.
class MissingValueImputer {
 public:
  // A feature with no value at all in the training rows is filled with 0.
  void fit(const TrainingData& data);
  // `x` with its NaN filled; `x` itself (a copy) when nothing is missing. Throws
  // lathe::Error(InvalidArgument) when the feature count differs from the fitted one.
  FeatureMatrix filled(const FeatureMatrix& x) const;
  const std::vector<double>& fills() const noexcept { return fills_; }

  void save(ModelWriter& out) const;
  void load(ModelReader& in);

 private:
  std::vector<double> fills_;  // per feature
};

}  // namespace lathe::ml
