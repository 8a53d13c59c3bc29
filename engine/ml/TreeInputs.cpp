#include "engine/ml/TreeInputs.h"

#include <cmath>
#include <cstdint>
#include <limits>

#include "engine/core/Error.h"

namespace lathe::ml {
namespace {
[[noreturn]] void refuse(const std::string& message) { throw Error(ErrorCode::InvalidArgument, message); }
}  // namespace

void TreeInputs::checkTraining(const std::string& algorithm, const TrainingData& data) {
  const FeatureMatrix& x = data.x;
  if (data.task == Task::Clustering) refuse(algorithm + ": needs a target column (it does not cluster)");
  if (x.rows() == 0) refuse(algorithm + ": no rows to learn from");
  if (x.cols() == 0) refuse(algorithm + ": no feature columns to learn from");
  if (x.rows() >= std::numeric_limits<std::uint32_t>::max()) refuse(algorithm + ": more than 4 billion rows");
  if (data.y.size() != x.rows())
    refuse(algorithm + ": the target has " + std::to_string(data.y.size()) + " values for " + std::to_string(x.rows()) + " rows");
  for (std::size_t c = 0; c < x.cols(); ++c) {
    const auto column = x.column(c);
    for (std::size_t r = 0; r < column.size(); ++r)
      if (std::isinf(column[r]))
        throw Error(ErrorCode::InvalidArgument,
                    algorithm + ": feature '" + x.names()[c] + "' has an infinite value at row " + std::to_string(r + 1) +
                        " (missing values are fine; infinite ones are not)",
                    ErrorLocation{{}, static_cast<std::int64_t>(r + 1), static_cast<std::int64_t>(c + 1), -1});
  }
  if (isClassification(data.task)) {
    const std::size_t k = data.classCount();
    if (k < 2) refuse(algorithm + ": the target has one class only; a classifier needs at least two");
    std::vector<bool> seen(k, false);
    for (std::size_t r = 0; r < data.y.size(); ++r) {
      const double v = data.y[r];
      if (!(v >= 0.0 && v < static_cast<double>(k)) || v != std::floor(v))
        refuse(algorithm + ": target value at row " + std::to_string(r + 1) + " is not a class index");
      seen[static_cast<std::size_t>(v)] = true;
    }
    std::size_t present = 0;
    for (bool s : seen) present += s ? 1 : 0;
    if (present < 2) refuse(algorithm + ": the target has one class only in these rows; a classifier needs at least two");
  } else {
    for (std::size_t r = 0; r < data.y.size(); ++r)
      if (!std::isfinite(data.y[r]))
        refuse(algorithm + ": target value at row " + std::to_string(r + 1) + " is not a finite number");
  }
}

void TreeInputs::checkPredict(const std::string& algorithm, const FeatureMatrix& x, const std::vector<std::string>& features,
                              bool fitted) {
  if (!fitted) refuse(algorithm + ": the model is not fitted yet");
  if (x.cols() != features.size())
    refuse(algorithm + ": the model was fitted on " + std::to_string(features.size()) + " features, got " +
           std::to_string(x.cols()));
}

}  // namespace lathe::ml
