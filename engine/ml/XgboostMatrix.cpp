#include "engine/ml/XgboostMatrix.h"

#include <cmath>
#include <limits>
#include <string>
#include <vector>

#include "engine/core/Error.h"
#include "engine/ml/XgboostCall.h"

namespace lathe::ml {

std::vector<float> XgboostMatrix::rowMajorValues(const FeatureMatrix& x, std::string_view what) {
  const std::size_t rows = x.rows();
  const std::size_t cols = x.cols();
  std::vector<float> values(rows * cols);
  for (std::size_t c = 0; c < cols; ++c) {
    const auto column = x.column(c);
    for (std::size_t r = 0; r < rows; ++r) {
      const double v = column[r];
      // A finite double beyond float's range would become inf as well.
      if (std::isinf(v) || (std::isfinite(v) && std::fabs(v) > std::numeric_limits<float>::max()))
        throw Error(ErrorCode::InvalidArgument,
                    "xgboost: feature '" + x.names()[c] + "' has an infinite or too large value in row " +
                        std::to_string(r + 1) + " of the " + std::string(what) +
                        " data (missing values are fine; infinities are not)",
                    {}, std::to_string(v));
      values[r * cols + c] = static_cast<float>(v);
    }
  }
  return values;
}

XgboostMatrix::XgboostMatrix(const FeatureMatrix& x, std::span<const double> labels, int threads,
                             std::string_view what) {
  const std::size_t rows = x.rows();
  const std::size_t cols = x.cols();
  const std::vector<float> values = rowMajorValues(x, what);
  xgboostCall(XGDMatrixCreateFromMat_omp(values.data(), rows, cols, std::numeric_limits<float>::quiet_NaN(),
                                         &handle_, threads),
              "XGDMatrixCreateFromMat");
  if (labels.empty()) return;
  std::vector<float> y(labels.begin(), labels.end());
  const int rc = XGDMatrixSetFloatInfo(handle_, "label", y.data(), y.size());
  if (rc != 0) {
    XGDMatrixFree(handle_);
    handle_ = nullptr;
    xgboostCall(rc, "XGDMatrixSetFloatInfo(label)");
  }
}

XgboostMatrix::~XgboostMatrix() {
  if (handle_) XGDMatrixFree(handle_);
}

}  // namespace lathe::ml
