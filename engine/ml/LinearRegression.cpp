#include "engine/ml/LinearRegression.h"

#include <Eigen/Dense>

#include <algorithm>
#include <cmath>

#include "engine/core/Error.h"
#include "engine/jobs/JobContext.h"
#include "engine/ml/LinearInputs.h"
#include "engine/ml/ModelFile.h"

namespace lathe::ml {

namespace {

const std::string kName = "linear";
// Sizes a model file may claim (checked before anything is allocated).
constexpr std::uint64_t kMaxFeatures = 1u << 24;

const char* penaltyName(LinearRegression::Penalty penalty) {
  switch (penalty) {
    case LinearRegression::Penalty::None: return "none";
    case LinearRegression::Penalty::L2: return "l2";
    case LinearRegression::Penalty::L1: return "l1";
    case LinearRegression::Penalty::ElasticNet: return "elasticnet";
  }
  return "none";
}

// sklearn's cd_fast.enet_coordinate_descent on centred X (column-major, n x p) and y.
int coordinateDescent(const Eigen::MatrixXd& x, const Eigen::VectorXd& y, double l1, double l2, int maxIter,
                      double tol, Eigen::VectorXd& w, const jobs::JobContext& context) {
  const Eigen::Index p = x.cols();
  const Eigen::VectorXd norms = x.colwise().squaredNorm().transpose();
  Eigen::VectorXd r = y - x * w;
  const double gapTol = tol * y.squaredNorm();
  for (int iter = 0; iter < maxIter; ++iter) {
    double wMax = 0, dwMax = 0;
    for (Eigen::Index j = 0; j < p; ++j) {
      if (norms[j] == 0.0) continue;
      const double old = w[j];
      if (old != 0.0) r.noalias() += old * x.col(j);
      const double t = x.col(j).dot(r);
      w[j] = std::copysign(std::max(std::abs(t) - l1, 0.0), t) / (norms[j] + l2);
      if (w[j] != 0.0) r.noalias() -= w[j] * x.col(j);
      dwMax = std::max(dwMax, std::abs(w[j] - old));
      wMax = std::max(wMax, std::abs(w[j]));
    }
    context.throwIfStopped();
    context.progress(static_cast<double>(iter + 1) / maxIter, "Coordinate descent");
    if (wMax == 0.0 || dwMax / wMax < tol || iter == maxIter - 1) {
      // The duality gap, as sklearn computes it.
      const Eigen::VectorXd xta = x.transpose() * r - l2 * w;
      const double rNorm2 = r.squaredNorm();
      const double dualNorm = p > 0 ? xta.cwiseAbs().maxCoeff() : 0.0;
      double scale = 1.0, gap = rNorm2;
      if (dualNorm > l1) {
        scale = l1 / dualNorm;
        gap = 0.5 * (rNorm2 + rNorm2 * scale * scale);
      }
      gap += l1 * w.cwiseAbs().sum() - scale * r.dot(y) + 0.5 * l2 * (1 + scale * scale) * w.squaredNorm();
      if (gap < gapTol) return iter + 1;
    }
  }
  return maxIter;
}

}  // namespace

std::unique_ptr<Estimator> LinearRegression::create(const nlohmann::json& json) {
  LinearInputs::requireKnown(json, {"penalty", "alpha", "l1_ratio", "fit_intercept", "max_iter", "tol"}, kName);
  Parameters p;
  const std::string penalty = LinearInputs::choice(json, "penalty", "none", {"none", "l2", "l1", "elasticnet"}, kName);
  p.penalty = penalty == "l2" ? Penalty::L2 : penalty == "l1" ? Penalty::L1
            : penalty == "elasticnet" ? Penalty::ElasticNet : Penalty::None;
  p.alpha = LinearInputs::number(json, "alpha", 1.0, 0.0, false, 1e12, kName);
  p.l1Ratio = LinearInputs::number(json, "l1_ratio", 0.5, 0.0, false, 1.0, kName);
  p.fitIntercept = LinearInputs::boolean(json, "fit_intercept", true, kName);
  const double maxIter = LinearInputs::number(json, "max_iter", 1000, 1, false, 1e6, kName);
  if (maxIter != std::floor(maxIter))
    throw Error(ErrorCode::InvalidArgument, kName + ": parameter 'max_iter' must be a whole number");
  p.maxIter = static_cast<int>(maxIter);
  p.tol = LinearInputs::number(json, "tol", 1e-4, 0.0, true, 1.0, kName);
  if (p.penalty == Penalty::L1) p.l1Ratio = 1.0;
  return std::make_unique<LinearRegression>(p);
}

nlohmann::json LinearRegression::parameters() const {
  return {{"penalty", penaltyName(p_.penalty)}, {"alpha", p_.alpha},   {"l1_ratio", p_.l1Ratio},
          {"fit_intercept", p_.fitIntercept},  {"max_iter", p_.maxIter}, {"tol", p_.tol}};
}

void LinearRegression::fit(const TrainingData& data, const jobs::JobContext& context) {
  if (data.task != Task::Regression)
    throw Error(ErrorCode::InvalidArgument, kName + ": predicts numbers; use 'logistic' for classes");
  const std::size_t n = data.x.rows(), p = data.x.cols();
  if (n == 0) throw Error(ErrorCode::InvalidArgument, kName + ": no rows to learn from");
  if (data.y.size() != n) throw Error(ErrorCode::InvalidArgument, kName + ": the target and the features differ in rows");
  LinearInputs::requireFinite(data.x, kName);
  LinearInputs::requireFiniteTarget(data.y, kName);
  context.progress(0.0, "Preparing");

  std::vector<double> mean;
  LinearInputs::meanAndStd(data.x, mean, featureStd_);
  Eigen::MatrixXd x(static_cast<Eigen::Index>(n), static_cast<Eigen::Index>(p));
  for (std::size_t c = 0; c < p; ++c) {
    const auto col = data.x.column(c);
    const double m = p_.fitIntercept ? mean[c] : 0.0;
    for (std::size_t r = 0; r < n; ++r) x(static_cast<Eigen::Index>(r), static_cast<Eigen::Index>(c)) = col[r] - m;
  }
  Eigen::VectorXd y = Eigen::Map<const Eigen::VectorXd>(data.y.data(), static_cast<Eigen::Index>(n));
  const double yMean = p_.fitIntercept ? y.mean() : 0.0;
  y.array() -= yMean;
  context.throwIfStopped();

  Eigen::VectorXd w = Eigen::VectorXd::Zero(static_cast<Eigen::Index>(p));
  iterations_ = 0;
  if (p > 0) {
    if (p_.penalty == Penalty::None || (p_.penalty == Penalty::L2 && p_.alpha == 0.0)) {
      if (n >= 8 * p) {
        // Tall data: the normal equations (one pass over X, p x p after it); the pseudo-inverse
        // of the Gram matrix still gives the minimum-norm solution when columns are collinear.
        Eigen::MatrixXd gram = Eigen::MatrixXd::Zero(x.cols(), x.cols());
        gram.selfadjointView<Eigen::Lower>().rankUpdate(x.transpose());
        gram.triangularView<Eigen::StrictlyUpper>() = gram.transpose();
        context.throwIfStopped();
        w = gram.completeOrthogonalDecomposition().solve(x.transpose() * y);
      } else {
        w = x.completeOrthogonalDecomposition().solve(y);  // minimum norm, as lstsq
      }
    } else if (p_.penalty == Penalty::L2) {
      Eigen::MatrixXd gram = x.transpose() * x;
      gram.diagonal().array() += p_.alpha;
      w = gram.ldlt().solve(x.transpose() * y);
    } else {
      const double scale = static_cast<double>(n);
      iterations_ = coordinateDescent(x, y, p_.alpha * p_.l1Ratio * scale, p_.alpha * (1.0 - p_.l1Ratio) * scale,
                                      p_.maxIter, p_.tol, w, context);
    }
  }
  if (!w.allFinite())
    throw Error(ErrorCode::InvalidArgument, kName + ": the fit diverged (values too large); scale the features");
  coef_.assign(w.data(), w.data() + w.size());
  intercept_ = yMean;
  if (p_.fitIntercept)
    for (std::size_t c = 0; c < p; ++c) intercept_ -= coef_[c] * mean[c];
  context.progress(1.0, "Fitted");
}

std::vector<double> LinearRegression::predict(const FeatureMatrix& x) const {
  LinearInputs::requireColumns(x, coef_.size(), kName);
  LinearInputs::requireFinite(x, kName);
  std::vector<double> out(x.rows(), intercept_);
  for (std::size_t c = 0; c < coef_.size(); ++c) {
    const auto col = x.column(c);
    const double w = coef_[c];
    for (std::size_t r = 0; r < out.size(); ++r) out[r] += w * col[r];
  }
  return out;
}

std::vector<double> LinearRegression::featureImportances() const {
  return LinearInputs::importances(coef_, featureStd_);
}

void LinearRegression::save(ModelWriter& out) const {
  out.u64(coef_.size());
  out.f64s(coef_);
  out.f64s(featureStd_);
  out.f64(intercept_);
}

void LinearRegression::load(ModelReader& in) {
  const std::size_t at = in.offset();
  const std::uint64_t p = in.count(kMaxFeatures, 0);
  auto coef = in.f64s();
  auto featureStd = in.f64s();
  const double intercept = in.f64();
  if (coef.size() != p || featureStd.size() != p)
    throw Error(ErrorCode::Parse, kName + ": model file sizes disagree (" + std::to_string(p) + " features)",
                {"model data", -1, -1, static_cast<std::int64_t>(at)});
  for (double v : coef)
    if (!std::isfinite(v))
      throw Error(ErrorCode::Parse, kName + ": model file holds a non-finite coefficient",
                  {"model data", -1, -1, static_cast<std::int64_t>(at)});
  if (!std::isfinite(intercept))
    throw Error(ErrorCode::Parse, kName + ": model file holds a non-finite intercept",
                {"model data", -1, -1, static_cast<std::int64_t>(at)});
  coef_ = std::move(coef);
  featureStd_ = std::move(featureStd);
  intercept_ = intercept;
}

}  // namespace lathe::ml
