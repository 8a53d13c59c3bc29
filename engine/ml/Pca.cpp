#include "engine/ml/Pca.h"

#include <Eigen/Dense>

#include <algorithm>
#include <cmath>

#include "engine/core/Error.h"
#include "engine/jobs/JobContext.h"
#include "engine/ml/ModelFile.h"

namespace lathe::ml {
namespace {

void requireFinite(const FeatureMatrix& x, const char* where) {
  for (std::size_t c = 0; c < x.cols(); ++c) {
    const auto column = x.column(c);
    for (std::size_t r = 0; r < x.rows(); ++r)
      if (!std::isfinite(column[r]))
        throw Error(ErrorCode::InvalidArgument, std::string("pca: feature '") + x.names()[c] +
                                                    "' has a missing or infinite value at row " + std::to_string(r + 1) +
                                                    " (" + where + "); fill missing values in the recipe first");
  }
}

// Up to this many features (and ten times as many rows), the d x d covariance and its
// eigenvectors replace the SVD of the n x d data: one pass over the rows instead of a
// bidiagonalisation of the whole matrix (scikit-learn 1.5's "covariance_eigh" does the same).
constexpr Eigen::Index kCovarianceFeatures = 64;
// Squaring the data squares its condition number: below this ratio of smallest to largest
// eigenvalue the small components would lose digits, and the SVD is used instead.
constexpr double kCovarianceConditioning = 1e-8;

// The singular values (descending) and right singular vectors (d x min(n, d)) of `centred`.
void decompose(const Eigen::MatrixXd& centred, Eigen::VectorXd& s, Eigen::MatrixXd& v) {
  const Eigen::Index n = centred.rows(), d = centred.cols();
  if (d <= kCovarianceFeatures && n >= 10 * d) {
    Eigen::MatrixXd covariance = Eigen::MatrixXd::Zero(d, d);
    covariance.selfadjointView<Eigen::Lower>().rankUpdate(centred.transpose());
    const Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> eigen(covariance);  // reads the lower triangle
    if (eigen.info() == Eigen::Success) {
      const Eigen::VectorXd values = eigen.eigenvalues();  // ascending
      if (values(d - 1) > 0.0 && values(0) >= kCovarianceConditioning * values(d - 1)) {
        s = values.reverse().cwiseSqrt();
        v = eigen.eigenvectors().rowwise().reverse();
        return;
      }
    }
  }
  const Eigen::BDCSVD<Eigen::MatrixXd> svd(centred, Eigen::ComputeThinV);
  s = svd.singularValues();
  v = svd.matrixV();
}

}  // namespace

nlohmann::json Pca::parameters() const {
  if (params_.varianceFraction > 0.0) return {{"n_components", params_.varianceFraction}};
  if (params_.components > 0) return {{"n_components", params_.components}};
  return {{"n_components", nullptr}};
}

void Pca::fit(const TrainingData& data, const jobs::JobContext& context) {
  if (data.task != Task::Clustering)
    throw Error(ErrorCode::InvalidArgument,
                std::string("pca: needs no target; cannot learn a ") + std::string(taskName(data.task)) + " task");
  const FeatureMatrix& x = data.x;
  const auto n = static_cast<Eigen::Index>(x.rows());
  const auto d = static_cast<Eigen::Index>(x.cols());
  if (n < 2 || d == 0) throw Error(ErrorCode::InvalidArgument, "pca: needs at least 2 rows and 1 feature");
  const Eigen::Index most = std::min(n, d);
  if (params_.components > most)
    throw Error(ErrorCode::InvalidArgument, "pca: n_components " + std::to_string(params_.components) +
                                                " is more than min(rows, features) = " + std::to_string(most));
  requireFinite(x, "fit");
  context.throwIfStopped();
  context.progress(0.0, "centring");
  // FeatureMatrix stores features contiguously: exactly a column-major matrix.
  Eigen::MatrixXd centred = Eigen::Map<const Eigen::MatrixXd>(x.column(0).data(), n, d);
  const Eigen::RowVectorXd mean = centred.colwise().mean();
  centred.rowwise() -= mean;
  context.progress(0.1, "singular value decomposition");
  Eigen::VectorXd s;
  Eigen::MatrixXd v;  // d x most
  decompose(centred, s, v);
  context.throwIfStopped();
  const Eigen::VectorXd variance = s.array().square() / static_cast<double>(n - 1);
  const double total = variance.sum();
  Eigen::Index keep = params_.components > 0 ? params_.components : most;
  if (params_.varianceFraction > 0.0) {
    // sklearn: searchsorted(cumsum(ratio), fraction, side="right") + 1
    double cumulative = 0.0;
    keep = 0;
    while (keep < most) {
      cumulative += total > 0.0 ? variance(keep) / total : 0.0;
      ++keep;
      if (cumulative > params_.varianceFraction) break;
    }
  }
  context.progress(0.8, "component signs");
  // svd_flip(u_based_decision=True): the largest |score| of each component is positive.
  const Eigen::MatrixXd scores = centred * v.leftCols(keep);
  for (Eigen::Index j = 0; j < keep; ++j) {
    Eigen::Index at = 0;
    scores.col(j).cwiseAbs().maxCoeff(&at);
    if (scores(at, j) < 0.0) v.col(j) = -v.col(j);
  }
  mean_.assign(mean.data(), mean.data() + d);
  components_.resize(static_cast<std::size_t>(keep * d));
  for (Eigen::Index j = 0; j < keep; ++j)
    for (Eigen::Index f = 0; f < d; ++f) components_[static_cast<std::size_t>(j * d + f)] = v(f, j);
  explainedVariance_.resize(static_cast<std::size_t>(keep));
  explainedVarianceRatio_.resize(static_cast<std::size_t>(keep));
  singularValues_.resize(static_cast<std::size_t>(keep));
  for (Eigen::Index j = 0; j < keep; ++j) {
    explainedVariance_[static_cast<std::size_t>(j)] = variance(j);
    explainedVarianceRatio_[static_cast<std::size_t>(j)] = total > 0.0 ? variance(j) / total : 0.0;
    singularValues_[static_cast<std::size_t>(j)] = s(j);
  }
  context.progress(1.0, "pca done");
}

FeatureMatrix Pca::transform(const FeatureMatrix& x) const {
  if (mean_.empty()) throw Error(ErrorCode::InvalidArgument, "pca: transform before fit");
  if (x.cols() != mean_.size())
    throw Error(ErrorCode::InvalidArgument, "pca: the model has " + std::to_string(mean_.size()) + " features, got " +
                                                std::to_string(x.cols()));
  requireFinite(x, "transform");
  const std::size_t keep = componentCount();
  std::vector<std::string> names;
  for (std::size_t j = 0; j < keep; ++j) names.push_back("pc" + std::to_string(j + 1));
  FeatureMatrix out(x.rows(), std::move(names));
  if (x.rows() == 0) return out;
  const auto n = static_cast<Eigen::Index>(x.rows());
  const auto d = static_cast<Eigen::Index>(mean_.size());
  const Eigen::Map<const Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>> components(
      components_.data(), static_cast<Eigen::Index>(keep), d);
  // (X - 1 mean) C^T = X C^T - 1 (mean C^T): the product straight from the caller's columns, no
  // centred copy of the data (the offset is one row of `keep` values).
  const Eigen::RowVectorXd offset = Eigen::Map<const Eigen::RowVectorXd>(mean_.data(), d) * components.transpose();
  auto scores = Eigen::Map<Eigen::MatrixXd>(out.column(0).data(), n, static_cast<Eigen::Index>(keep));
  scores.noalias() = Eigen::Map<const Eigen::MatrixXd>(x.column(0).data(), n, d) * components.transpose();
  scores.rowwise() -= offset;
  return out;
}

std::vector<double> Pca::predict(const FeatureMatrix& x) const {
  const FeatureMatrix scores = transform(x);
  const auto first = scores.column(0);
  return {first.begin(), first.end()};
}

void Pca::save(ModelWriter& out) const {
  out.f64s(mean_);
  out.f64s(components_);
  out.f64s(explainedVariance_);
  out.f64s(explainedVarianceRatio_);
  out.f64s(singularValues_);
}

void Pca::load(ModelReader& in) {
  const std::size_t offset = in.offset();
  std::vector<double> mean = in.f64s();
  std::vector<double> components = in.f64s();
  std::vector<double> variance = in.f64s();
  std::vector<double> ratio = in.f64s();
  std::vector<double> singular = in.f64s();
  const auto bad = [&](const std::string& why) {
    ErrorLocation where;
    where.byteOffset = static_cast<std::int64_t>(offset);
    throw Error(ErrorCode::Parse, "pca model: " + why, where);
  };
  const std::size_t keep = variance.size();
  if (mean.empty() || keep == 0 || keep > mean.size() || ratio.size() != keep || singular.size() != keep ||
      components.size() != keep * mean.size())
    bad("the sizes of the mean, components and variances do not agree");
  if (params_.components > 0 && keep != static_cast<std::size_t>(params_.components))
    bad("the number of components does not match n_components");
  for (const auto* values : {&mean, &components, &variance, &ratio, &singular})
    for (double v : *values)
      if (!std::isfinite(v)) bad("a value is not a finite number");
  mean_ = std::move(mean);
  components_ = std::move(components);
  explainedVariance_ = std::move(variance);
  explainedVarianceRatio_ = std::move(ratio);
  singularValues_ = std::move(singular);
}

}  // namespace lathe::ml
