#pragma once
#include <cstddef>
#include <string>
#include <vector>

#include "engine/ml/FeatureMatrix.h"

namespace lathe::ml {

class ModelWriter;
class ModelReader;

// What mlp and knn do to their inputs before any arithmetic: refuse NaN/inf (naming the feature
// and row) and a feature count other than the one fitted, and optionally standardise each
// feature to mean 0, standard deviation 1 exactly as scikit-learn's StandardScaler does (a
// constant feature gets scale 1, so it becomes all zeros rather than NaN).
class MlpInputScaler {
 public:
  // Throws lathe::Error(InvalidArgument) "<algorithm>: feature 'x' has a missing or infinite
  // value at row 12 ..." for the first non-finite value.
  static void requireFinite(const FeatureMatrix& x, const std::string& algorithm);

  // Learns mean and scale (standardise) or the identity (not), remembering the feature count.
  void fit(const FeatureMatrix& x, bool standardise);
  // Row-major values (rows x features), scaled; checks the feature count and finiteness first.
  std::vector<double> rowMajor(const FeatureMatrix& x, const std::string& algorithm) const;
  // The same, column-major (as Eigen's default matrices).
  std::vector<double> columnMajor(const FeatureMatrix& x, const std::string& algorithm) const;

  std::size_t features() const noexcept { return mean_.size(); }
  bool standardises() const noexcept { return standardise_; }

  void save(ModelWriter& out) const;
  // Validates the sizes against `features` (and every value finite, scales positive).
  void load(ModelReader& in, std::size_t features);

 private:
  bool standardise_ = false;
  std::vector<double> mean_;
  std::vector<double> scale_;
};

}  // namespace lathe::ml
