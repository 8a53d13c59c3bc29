#include "engine/ml/LogisticRegression.h"

#include <Eigen/Dense>

#include <algorithm>
#include <cmath>

#include "engine/core/Error.h"
#include "engine/jobs/JobContext.h"
#include "engine/ml/LinearInputs.h"
#include "engine/ml/LinearLogisticSolver.h"
#include "engine/ml/LogisticDesign.h"
#include "engine/ml/ModelFile.h"

namespace lathe::ml {

namespace {

const std::string kName = "logistic";
constexpr std::uint64_t kMaxFeatures = 1u << 24;
constexpr std::uint64_t kMaxClasses = 100000;
constexpr std::uint64_t kMaxWeights = std::uint64_t{1} << 28;

const char* penaltyName(LogisticRegression::Penalty penalty) {
  switch (penalty) {
    case LogisticRegression::Penalty::None: return "none";
    case LogisticRegression::Penalty::L2: return "l2";
    case LogisticRegression::Penalty::L1: return "l1";
  }
  return "l2";
}

[[noreturn]] void corrupt(std::size_t at, const std::string& what) {
  throw Error(ErrorCode::Parse, kName + ": model file " + what, {"model data", -1, -1, static_cast<std::int64_t>(at)});
}

}  // namespace

std::unique_ptr<Estimator> LogisticRegression::create(const nlohmann::json& json) {
  LinearInputs::requireKnown(json, {"penalty", "C", "fit_intercept", "max_iter", "tol"}, kName);
  Parameters p;
  const std::string penalty = LinearInputs::choice(json, "penalty", "l2", {"l2", "l1", "none"}, kName);
  p.penalty = penalty == "l1" ? Penalty::L1 : penalty == "none" ? Penalty::None : Penalty::L2;
  p.c = LinearInputs::number(json, "C", 1.0, 0.0, true, 1e12, kName);
  p.fitIntercept = LinearInputs::boolean(json, "fit_intercept", true, kName);
  const double maxIter = LinearInputs::number(json, "max_iter", 1000, 1, false, 1e6, kName);
  if (maxIter != std::floor(maxIter))
    throw Error(ErrorCode::InvalidArgument, kName + ": parameter 'max_iter' must be a whole number");
  p.maxIter = static_cast<int>(maxIter);
  p.tol = LinearInputs::number(json, "tol", 1e-4, 0.0, true, 1.0, kName);
  return std::make_unique<LogisticRegression>(p);
}

nlohmann::json LogisticRegression::parameters() const {
  return {{"penalty", penaltyName(p_.penalty)}, {"C", p_.c}, {"fit_intercept", p_.fitIntercept},
          {"max_iter", p_.maxIter}, {"tol", p_.tol}};
}

void LogisticRegression::fit(const TrainingData& data, const jobs::JobContext& context) {
  if (!isClassification(data.task))
    throw Error(ErrorCode::InvalidArgument, kName + ": predicts classes; use 'linear' for numbers");
  const std::size_t n = data.x.rows(), p = data.x.cols(), classes = data.classCount();
  if (n == 0) throw Error(ErrorCode::InvalidArgument, kName + ": no rows to learn from");
  if (data.y.size() != n) throw Error(ErrorCode::InvalidArgument, kName + ": the target and the features differ in rows");
  if (classes > kMaxClasses) throw Error(ErrorCode::InvalidArgument, kName + ": too many classes");
  std::vector<int> y(n);
  std::vector<char> seen(classes, 0);
  std::size_t distinct = 0;
  for (std::size_t r = 0; r < n; ++r) {
    const double v = data.y[r];
    if (!(v >= 0 && v < static_cast<double>(classes)) || v != std::floor(v))
      throw Error(ErrorCode::InvalidArgument, kName + ": the target holds a value that is not a class index in row " +
                                                  std::to_string(r + 1));
    y[r] = static_cast<int>(v);
    if (!seen[static_cast<std::size_t>(y[r])]++) ++distinct;
  }
  if (distinct < 2)
    throw Error(ErrorCode::InvalidArgument,
                kName + ": the target has only one class in these rows; a classifier needs at least two");
  LinearInputs::requireFinite(data.x, kName);
  context.progress(0.0, "Preparing");

  std::vector<double> mean;
  LinearInputs::meanAndStd(data.x, mean, featureStd_);
  Eigen::VectorXd scale(static_cast<Eigen::Index>(p)), centre(static_cast<Eigen::Index>(p));
  for (std::size_t c = 0; c < p; ++c) {
    scale[static_cast<Eigen::Index>(c)] = featureStd_[c] > 0 ? featureStd_[c] : 1.0;
    // without an intercept, scale but do not centre
    centre[static_cast<Eigen::Index>(c)] = p_.fitIntercept ? mean[c] : 0.0;
  }
  // One-hot columns stay sparse inside (LogisticDesign): wide one-hot data costs its ones.
  const LogisticDesign xs(data.x, centre, scale);
  context.throwIfStopped();

  classes_ = classes;
  features_ = p;
  const std::size_t k = outputs();
  LogisticProblem problem;
  problem.x = &xs;
  problem.y = &y;
  problem.outputs = k;
  problem.c = p_.c;
  problem.fitIntercept = p_.fitIntercept;
  // w_original = w_standardised / sd, so sklearn's penalty on the original scale is weighted:
  // l2: w_s^2 / sd^2; l1: |w_s| / sd.
  if (p_.penalty == Penalty::L1) problem.penaltyWeight = scale.cwiseInverse();
  else problem.penaltyWeight = scale.cwiseAbs2().cwiseInverse();
  Eigen::VectorXd theta = Eigen::VectorXd::Zero(static_cast<Eigen::Index>((p + 1) * k));
  if (p_.penalty == Penalty::L1)
    iterations_ = LinearLogisticSolver::fista(problem, theta, p_.maxIter * 10, p_.tol, context);
  else
    iterations_ = LinearLogisticSolver::lbfgs(problem, theta, p_.penalty == Penalty::L2, p_.maxIter,
                                              p_.tol * 1e-2 / static_cast<double>(n),
                                              context);
  if (!theta.allFinite()) throw Error(ErrorCode::InvalidArgument, kName + ": the fit diverged; scale the features");

  coef_.assign(k * p, 0.0);
  intercept_.assign(k, 0.0);
  for (std::size_t o = 0; o < k; ++o) {
    double b = theta[static_cast<Eigen::Index>(o * (p + 1) + p)];
    for (std::size_t j = 0; j < p; ++j) {
      const double w = theta[static_cast<Eigen::Index>(o * (p + 1) + j)] / scale[static_cast<Eigen::Index>(j)];
      coef_[o * p + j] = w;
      b -= w * centre[static_cast<Eigen::Index>(j)];
    }
    intercept_[o] = b;
  }
  context.progress(1.0, "Fitted");
}

ClassProbabilities LogisticRegression::predictProba(const FeatureMatrix& x) const {
  if (classes_ == 0) throw Error(ErrorCode::InvalidArgument, kName + ": the model has not been fitted");
  LinearInputs::requireColumns(x, features_, kName);
  const std::size_t n = x.rows(), k = outputs();
  std::vector<double> z(n * k);
  for (std::size_t o = 0; o < k; ++o)
    for (std::size_t r = 0; r < n; ++r) z[r * k + o] = intercept_[o];
  // Column by column, every output while the column is in cache: one pass over the data.
  for (std::size_t j = 0; j < features_; ++j) {
    const auto col = x.column(j);
    for (std::size_t o = 0; o < k; ++o) {
      const double w = coef_[o * features_ + j];
      for (std::size_t r = 0; r < n; ++r) z[r * k + o] += w * col[r];
    }
  }
  // A missing or infinite feature makes its row's scores non-finite (w * NaN, 0 * inf), so the
  // scores tell whether the (second) pass naming the culprit is needed.
  if (!std::all_of(z.begin(), z.end(), [](double v) { return std::isfinite(v); })) LinearInputs::requireFinite(x, kName);
  ClassProbabilities out{n, classes_, std::vector<double>(n * classes_)};
  for (std::size_t r = 0; r < n; ++r) {
    if (k == 1) {
      const double zi = z[r];
      const double positive = zi >= 0 ? 1.0 / (1.0 + std::exp(-zi)) : std::exp(zi) / (1.0 + std::exp(zi));
      out.values[r * 2] = 1.0 - positive;
      out.values[r * 2 + 1] = positive;
      continue;
    }
    double top = z[r * k];
    for (std::size_t o = 1; o < k; ++o) top = std::max(top, z[r * k + o]);
    double sum = 0;
    for (std::size_t o = 0; o < k; ++o) sum += (out.values[r * k + o] = std::exp(z[r * k + o] - top));
    for (std::size_t o = 0; o < k; ++o) out.values[r * k + o] /= sum;
  }
  return out;
}

std::vector<double> LogisticRegression::predict(const FeatureMatrix& x) const {
  const auto proba = predictProba(x);
  std::vector<double> out(proba.rows);
  for (std::size_t r = 0; r < proba.rows; ++r) {
    std::size_t best = 0;
    for (std::size_t c = 1; c < proba.classes; ++c)
      if (proba.at(r, c) > proba.at(r, best)) best = c;
    out[r] = static_cast<double>(best);
  }
  return out;
}

std::vector<double> LogisticRegression::featureImportances() const {
  return LinearInputs::importances(coef_, featureStd_);
}

void LogisticRegression::save(ModelWriter& out) const {
  out.u64(classes_);
  out.u64(features_);
  out.f64s(coef_);
  out.f64s(intercept_);
  out.f64s(featureStd_);
}

void LogisticRegression::load(ModelReader& in) {
  const std::size_t at = in.offset();
  const std::uint64_t classes = in.count(kMaxClasses, 0);
  const std::uint64_t features = in.count(kMaxFeatures, 0);
  if (classes < 2) corrupt(at, "holds fewer than two classes");
  const std::uint64_t k = classes == 2 ? 1 : classes;
  if (k * features > kMaxWeights) corrupt(at, "holds too many weights");
  auto coef = in.f64s();
  auto intercept = in.f64s();
  auto featureStd = in.f64s();
  if (coef.size() != k * features || intercept.size() != k || featureStd.size() != features)
    corrupt(at, "sizes disagree with its " + std::to_string(classes) + " classes and " + std::to_string(features) +
                    " features");
  for (const auto* values : {&coef, &intercept})
    for (double v : *values)
      if (!std::isfinite(v)) corrupt(at, "holds a non-finite coefficient");
  classes_ = static_cast<std::size_t>(classes);
  features_ = static_cast<std::size_t>(features);
  coef_ = std::move(coef);
  intercept_ = std::move(intercept);
  featureStd_ = std::move(featureStd);
}

}  // namespace lathe::ml
