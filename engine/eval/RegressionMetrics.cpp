#include "engine/eval/RegressionMetrics.h"

#include <cmath>
#include <string>
#include <utility>

#include "engine/core/Error.h"

namespace lathe::eval {
namespace {

// Neumaier's compensated sum, so a million squared errors still add up exactly to ~1e-16.
class Sum {
 public:
  void add(double v) {
    const double t = sum_ + v;
    compensation_ += std::abs(sum_) >= std::abs(v) ? (sum_ - t) + v : (v - t) + sum_;
    sum_ = t;
  }
  double value() const { return sum_ + compensation_; }

 private:
  double sum_ = 0.0, compensation_ = 0.0;
};

void check(std::span<const double> yTrue, std::span<const double> yPred, const char* metric) {
  const std::string name(metric);
  if (yTrue.empty()) throw Error(ErrorCode::InvalidArgument, name + ": no predictions to score");
  if (yTrue.size() != yPred.size())
    throw Error(ErrorCode::InvalidArgument, name + ": yTrue has " + std::to_string(yTrue.size()) +
                                                " rows but yPred has " + std::to_string(yPred.size()));
  for (std::size_t row = 0; row < yTrue.size(); ++row) {
    for (auto [values, what] : {std::pair{yTrue, "yTrue"}, std::pair{yPred, "yPred"}})
      if (!std::isfinite(values[row]))
        throw Error(ErrorCode::InvalidArgument,
                    name + ": " + what + " at row " + std::to_string(row + 1) + " is not a finite number", {},
                    std::to_string(values[row]));
  }
}

double meanOf(std::span<const double> yTrue, std::span<const double> yPred, bool squared) {
  Sum total;
  for (std::size_t row = 0; row < yTrue.size(); ++row) {
    const double e = yTrue[row] - yPred[row];
    total.add(squared ? e * e : std::abs(e));
  }
  return total.value() / static_cast<double>(yTrue.size());
}

}  // namespace

double meanSquaredError(std::span<const double> yTrue, std::span<const double> yPred) {
  check(yTrue, yPred, "mse");
  return meanOf(yTrue, yPred, true);
}

double rootMeanSquaredError(std::span<const double> yTrue, std::span<const double> yPred) {
  check(yTrue, yPred, "rmse");
  return std::sqrt(meanOf(yTrue, yPred, true));
}

double meanAbsoluteError(std::span<const double> yTrue, std::span<const double> yPred) {
  check(yTrue, yPred, "mae");
  return meanOf(yTrue, yPred, false);
}

double r2Score(std::span<const double> yTrue, std::span<const double> yPred) {
  check(yTrue, yPred, "r2");
  if (yTrue.size() < 2)
    throw Error(ErrorCode::InvalidArgument, "r2 needs at least 2 rows to be defined, got " + std::to_string(yTrue.size()));
  Sum sumTrue;
  for (double y : yTrue) sumTrue.add(y);
  const double mean = sumTrue.value() / static_cast<double>(yTrue.size());
  Sum residual, variation;
  for (std::size_t row = 0; row < yTrue.size(); ++row) {
    const double e = yTrue[row] - yPred[row], d = yTrue[row] - mean;
    residual.add(e * e);
    variation.add(d * d);
  }
  // A constant yTrue has no variation, whatever rounding the mean picked up.
  bool constant = true;
  for (double y : yTrue) constant = constant && y == yTrue[0];
  const double numerator = residual.value(), denominator = constant ? 0.0 : variation.value();
  if (numerator == 0) return 1.0;
  if (denominator == 0) return 0.0;
  return 1.0 - numerator / denominator;
}

std::vector<double> residuals(std::span<const double> yTrue, std::span<const double> yPred) {
  check(yTrue, yPred, "residuals");
  std::vector<double> out(yTrue.size());
  for (std::size_t row = 0; row < yTrue.size(); ++row) out[row] = yTrue[row] - yPred[row];
  return out;
}

}  // namespace lathe::eval
