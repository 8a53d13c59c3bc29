#pragma once
#include <span>
#include <string_view>
#include <vector>

#include <xgboost/c_api.h>

#include "engine/ml/FeatureMatrix.h"

namespace lathe::ml {

// An XGBoost DMatrix (RAII) built from our own buffers, never from a path: the features copied
// row-major as float (as XGBoost stores them), NaN meaning missing, plus optional labels.
// Infinite values are refused (XGBoost would reject them with a less helpful message), naming
// the feature and the row.
class XgboostMatrix {
 public:
  XgboostMatrix(const FeatureMatrix& x, std::span<const double> labels, int threads, std::string_view what);
  ~XgboostMatrix();
  XgboostMatrix(const XgboostMatrix&) = delete;
  XgboostMatrix& operator=(const XgboostMatrix&) = delete;

  DMatrixHandle handle() const noexcept { return handle_; }

  // The features row-major as float, NaN for missing, as a DMatrix or an in-place prediction
  // reads them; throws for an infinite value, naming the feature, the row and `what` data.
  static std::vector<float> rowMajorValues(const FeatureMatrix& x, std::string_view what);

 private:
  DMatrixHandle handle_ = nullptr;
};

}  // namespace lathe::ml
