#include "engine/ml/LogisticDesign.h"

#include <algorithm>

namespace lathe::ml {

namespace {

using RowMajor = Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;

// A column worth keeping as a list of ones: only 0 and 1, and at most one row in 8 a 1. Denser
// columns are as cheap dense (a multiply-add per row streams faster than a scattered add).
bool isSparseIndicator(std::span<const double> values) {
  std::size_t ones = 0;
  for (double v : values) {
    if (v == 1.0) ++ones;
    else if (v != 0.0) return false;
  }
  return ones <= values.size() / 8;
}

}  // namespace

LogisticDesign::LogisticDesign(const FeatureMatrix& x, const Eigen::VectorXd& centre, const Eigen::VectorXd& scale,
                               bool allowSparse)
    : rows_(static_cast<Eigen::Index>(x.rows())), cols_(static_cast<Eigen::Index>(x.cols())) {
  std::vector<char> indicator(x.cols(), 0);
  std::size_t indicators = 0;
  if (allowSparse)
    for (std::size_t c = 0; c < x.cols(); ++c) indicators += (indicator[c] = isSparseIndicator(x.column(c)) ? 1 : 0);
  // Only one-hot data (a quarter of the columns or more) is worth the second form; numeric data
  // keeps the single dense product, so its results stay exactly those of a dense solve.
  if (indicators < 2 || indicators * 4 < x.cols()) std::fill(indicator.begin(), indicator.end(), 0), indicators = 0;

  for (std::size_t c = 0; c < x.cols(); ++c)
    (indicator[c] ? sparse_ : denseIndex_).push_back(static_cast<Eigen::Index>(c));
  dense_.resize(rows_, static_cast<Eigen::Index>(denseIndex_.size()));
  for (std::size_t d = 0; d < denseIndex_.size(); ++d) {
    const Eigen::Index c = denseIndex_[d];
    const auto column = x.column(static_cast<std::size_t>(c));
    const double m = centre[c], sd = scale[c];
    for (Eigen::Index r = 0; r < rows_; ++r)
      dense_(r, static_cast<Eigen::Index>(d)) = (column[static_cast<std::size_t>(r)] - m) / sd;
  }

  sparseCentre_.resize(static_cast<Eigen::Index>(sparse_.size()));
  sparseScale_.resize(static_cast<Eigen::Index>(sparse_.size()));
  std::vector<std::size_t> count(x.rows() + 1, 0);
  for (std::size_t s = 0; s < sparse_.size(); ++s) {
    sparseCentre_[static_cast<Eigen::Index>(s)] = centre[sparse_[s]];
    sparseScale_[static_cast<Eigen::Index>(s)] = scale[sparse_[s]];
    const auto column = x.column(static_cast<std::size_t>(sparse_[s]));
    for (std::size_t r = 0; r < x.rows(); ++r) count[r + 1] += column[r] == 1.0 ? 1 : 0;
  }
  rowStart_.assign(x.rows() + 1, 0);
  for (std::size_t r = 0; r < x.rows(); ++r) rowStart_[r + 1] = rowStart_[r] + count[r + 1];
  active_.resize(rowStart_.back());
  std::vector<std::size_t> next(rowStart_.begin(), rowStart_.end() - 1);
  for (std::size_t s = 0; s < sparse_.size(); ++s) {
    const auto column = x.column(static_cast<std::size_t>(sparse_[s]));
    for (std::size_t r = 0; r < x.rows(); ++r)
      if (column[r] == 1.0) active_[next[r]++] = static_cast<std::uint32_t>(s);
  }
}

void LogisticDesign::scores(const Eigen::Ref<const Eigen::MatrixXd>& w, Eigen::MatrixXd& z) const {
  const Eigen::Index k = w.cols();
  if (sparse_.empty()) {
    z.noalias() = dense_ * w.topRows(cols_);
    z.rowwise() += w.row(cols_);
    return;
  }
  Eigen::MatrixXd wd(static_cast<Eigen::Index>(denseIndex_.size()), k);
  for (std::size_t d = 0; d < denseIndex_.size(); ++d) wd.row(static_cast<Eigen::Index>(d)) = w.row(denseIndex_[d]);
  if (wd.rows() > 0) z.noalias() = dense_ * wd;
  else z.setZero(rows_, k);
  // The indicators' weights on the raw 0/1 scale, and the constant their centring contributes.
  RowMajor u(static_cast<Eigen::Index>(sparse_.size()), k);
  for (std::size_t s = 0; s < sparse_.size(); ++s)
    u.row(static_cast<Eigen::Index>(s)) = w.row(sparse_[s]) / sparseScale_[static_cast<Eigen::Index>(s)];
  const Eigen::RowVectorXd offset = w.row(cols_) - sparseCentre_.transpose() * u;
  for (Eigen::Index o = 0; o < k; ++o) {
    const double base = offset[o];
    for (Eigen::Index r = 0; r < rows_; ++r) {
      double sum = base;
      for (std::size_t a = rowStart_[static_cast<std::size_t>(r)]; a < rowStart_[static_cast<std::size_t>(r) + 1]; ++a)
        sum += u(active_[a], o);
      z(r, o) += sum;
    }
  }
}

void LogisticDesign::transposeTimes(const Eigen::MatrixXd& r, double factor, Eigen::Ref<Eigen::MatrixXd> out) const {
  if (sparse_.empty()) {
    out.noalias() = factor * (dense_.transpose() * r);
    return;
  }
  const Eigen::Index k = r.cols();
  if (!denseIndex_.empty()) {
    const Eigen::MatrixXd gd = dense_.transpose() * r;
    for (std::size_t d = 0; d < denseIndex_.size(); ++d)
      out.row(denseIndex_[d]) = factor * gd.row(static_cast<Eigen::Index>(d));
  }
  // Sum each indicator's residuals over the rows where it is 1, then centre and scale.
  RowMajor sums = RowMajor::Zero(static_cast<Eigen::Index>(sparse_.size()), k);
  for (Eigen::Index o = 0; o < k; ++o)
    for (Eigen::Index i = 0; i < rows_; ++i) {
      const double ri = r(i, o);
      for (std::size_t a = rowStart_[static_cast<std::size_t>(i)]; a < rowStart_[static_cast<std::size_t>(i) + 1]; ++a)
        sums(active_[a], o) += ri;
    }
  const Eigen::RowVectorXd total = r.colwise().sum();
  for (std::size_t s = 0; s < sparse_.size(); ++s) {
    const auto at = static_cast<Eigen::Index>(s);
    out.row(sparse_[s]) = factor * (sums.row(at) - sparseCentre_[at] * total) / sparseScale_[at];
  }
}

}  // namespace lathe::ml
