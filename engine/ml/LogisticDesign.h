#pragma once
#include <cstddef>
#include <cstdint>
#include <vector>

#include <Eigen/Dense>

#include "engine/ml/FeatureMatrix.h"

namespace lathe::ml {

// The standardised design matrix LinearLogisticSolver works on, Xs = (X - centre) / scale per
// column, held so that one-hot data costs what its ones cost. Columns holding only 0 and 1, and
// mostly 0, stay in raw form as a per-row list of the columns that are 1; centring and scaling
// are applied algebraically:
//   Xs w   = X (w / scale) - centre . (w / scale)
//   Xs^T r = (X^T r - centre * sum(r)) / scale.
// The other columns are stored standardised and dense, as before. Without enough such indicator
// columns every column is dense, so numeric data is solved exactly as a plain dense matrix.
class LogisticDesign {
 public:
  LogisticDesign() = default;
  // `centre` and `scale` per column (scale > 0). `allowSparse` false keeps every column dense
  // (the tests compare both forms).
  LogisticDesign(const FeatureMatrix& x, const Eigen::VectorXd& centre, const Eigen::VectorXd& scale,
                 bool allowSparse = true);

  Eigen::Index rows() const noexcept { return rows_; }
  Eigen::Index cols() const noexcept { return cols_; }
  std::size_t sparseColumns() const noexcept { return sparse_.size(); }

  // z (rows x k) = Xs * w.topRows(cols) + 1 * w.row(cols): the linear scores of every output,
  // `w` being (cols + 1) x k with the intercepts in its last row.
  void scores(const Eigen::Ref<const Eigen::MatrixXd>& w, Eigen::MatrixXd& z) const;
  // out (cols x k) = factor * Xs^T r.
  void transposeTimes(const Eigen::MatrixXd& r, double factor, Eigen::Ref<Eigen::MatrixXd> out) const;

 private:
  Eigen::Index rows_ = 0, cols_ = 0;
  Eigen::MatrixXd dense_;                 // rows x dense_.cols(): the dense columns, standardised
  std::vector<Eigen::Index> denseIndex_;  // their feature indices
  std::vector<Eigen::Index> sparse_;      // the indicator columns' feature indices
  Eigen::VectorXd sparseCentre_, sparseScale_;
  std::vector<std::size_t> rowStart_;     // rows + 1 offsets into active_
  std::vector<std::uint32_t> active_;     // per row: positions in sparse_ of the columns that are 1
};

}  // namespace lathe::ml
