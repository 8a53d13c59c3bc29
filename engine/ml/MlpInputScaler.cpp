#include "engine/ml/MlpInputScaler.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "engine/core/Error.h"
#include "engine/ml/ModelFile.h"

namespace lathe::ml {

void MlpInputScaler::requireFinite(const FeatureMatrix& x, const std::string& algorithm) {
  for (std::size_t c = 0; c < x.cols(); ++c) {
    const auto values = x.column(c);
    for (std::size_t r = 0; r < values.size(); ++r) {
      if (!std::isfinite(values[r]))
        throw Error(ErrorCode::InvalidArgument,
                    algorithm + ": feature '" + x.names()[c] + "' has a " +
                        (std::isnan(values[r]) ? "missing" : "infinite") + " value at row " + std::to_string(r + 1) +
                        "; " + algorithm + " needs numbers everywhere (add a fill-missing step to the recipe, or train with impute=median)",
                    {}, x.names()[c]);
    }
  }
}

void MlpInputScaler::fit(const FeatureMatrix& x, bool standardise) {
  standardise_ = standardise;
  mean_.assign(x.cols(), 0.0);
  scale_.assign(x.cols(), 1.0);
  if (!standardise || x.rows() == 0) return;
  const double n = static_cast<double>(x.rows());
  for (std::size_t c = 0; c < x.cols(); ++c) {
    const auto values = x.column(c);
    double sum = 0;
    for (double v : values) sum += v;
    const double mean = sum / n;
    double squares = 0;  // two passes: no cancellation on large offsets
    for (double v : values) squares += (v - mean) * (v - mean);
    const double sd = std::sqrt(squares / n);
    mean_[c] = mean;
    // As StandardScaler: a (near-)constant feature keeps scale 1.
    scale_[c] = sd < 10.0 * std::numeric_limits<double>::epsilon() * std::max(1.0, std::abs(mean)) ? 1.0 : sd;
  }
}

std::vector<double> MlpInputScaler::rowMajor(const FeatureMatrix& x, const std::string& algorithm) const {
  if (x.cols() != features())
    throw Error(ErrorCode::InvalidArgument, algorithm + ": the model was fitted on " + std::to_string(features()) +
                                                " features but was given " + std::to_string(x.cols()));
  requireFinite(x, algorithm);
  const std::size_t rows = x.rows(), cols = x.cols();
  std::vector<double> out(rows * cols);
  for (std::size_t c = 0; c < cols; ++c) {
    const auto values = x.column(c);
    const double mean = mean_[c], scale = scale_[c];
    for (std::size_t r = 0; r < rows; ++r) out[r * cols + c] = (values[r] - mean) / scale;
  }
  return out;
}

std::vector<double> MlpInputScaler::columnMajor(const FeatureMatrix& x, const std::string& algorithm) const {
  if (x.cols() != features())
    throw Error(ErrorCode::InvalidArgument, algorithm + ": the model was fitted on " + std::to_string(features()) +
                                                " features but was given " + std::to_string(x.cols()));
  requireFinite(x, algorithm);
  const std::size_t rows = x.rows();
  std::vector<double> out(rows * x.cols());
  for (std::size_t c = 0; c < x.cols(); ++c) {
    const auto values = x.column(c);
    for (std::size_t r = 0; r < rows; ++r) out[c * rows + r] = (values[r] - mean_[c]) / scale_[c];
  }
  return out;
}

void MlpInputScaler::save(ModelWriter& out) const {
  out.u32(standardise_ ? 1 : 0);
  out.f64s(mean_);
  out.f64s(scale_);
}

void MlpInputScaler::load(ModelReader& in, std::size_t features) {
  const std::size_t at = in.offset();
  const std::uint32_t flag = in.u32();
  auto mean = in.f64s();
  auto scale = in.f64s();
  bool ok = flag <= 1 && mean.size() == features && scale.size() == features;
  for (std::size_t c = 0; ok && c < features; ++c)
    ok = std::isfinite(mean[c]) && std::isfinite(scale[c]) && scale[c] > 0;
  if (!ok)
    throw Error(ErrorCode::Parse, "model file: the input scaling does not match " + std::to_string(features) +
                                      " features",
                ErrorLocation{{}, -1, -1, static_cast<std::int64_t>(at)});
  standardise_ = flag == 1;
  mean_ = std::move(mean);
  scale_ = std::move(scale);
}

}  // namespace lathe::ml
