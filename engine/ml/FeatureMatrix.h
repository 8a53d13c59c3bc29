#pragma once
#include <cmath>
#include <cstddef>
#include <span>
#include <string>
#include <vector>

namespace lathe::ml {

// The numbers an estimator learns from and predicts on: rows x features, stored column by column
// (each feature contiguous, as the table's columns are), NaN where a value is missing.
// FeatureEncoder makes one from a table; tests build them directly.
class FeatureMatrix {
 public:
  FeatureMatrix() = default;
  FeatureMatrix(std::size_t rows, std::vector<std::string> names)
      : rows_(rows), names_(std::move(names)), values_(rows_ * names_.size(), 0.0) {}

  std::size_t rows() const noexcept { return rows_; }
  std::size_t cols() const noexcept { return names_.size(); }
  const std::vector<std::string>& names() const noexcept { return names_; }

  double at(std::size_t row, std::size_t col) const { return values_[col * rows_ + row]; }
  double& at(std::size_t row, std::size_t col) { return values_[col * rows_ + row]; }
  std::span<const double> column(std::size_t col) const { return {values_.data() + col * rows_, rows_}; }
  std::span<double> column(std::size_t col) { return {values_.data() + col * rows_, rows_}; }

  // The rows listed, in that order (a fold, a bootstrap sample).
  FeatureMatrix selectRows(std::span<const std::size_t> rows) const {
    FeatureMatrix out(rows.size(), names_);
    for (std::size_t c = 0; c < cols(); ++c) {
      const auto from = column(c);
      auto to = out.column(c);
      for (std::size_t i = 0; i < rows.size(); ++i) to[i] = from[rows[i]];
    }
    return out;
  }
  bool hasMissing() const {
    for (double v : values_)
      if (std::isnan(v)) return true;
    return false;
  }

 private:
  std::size_t rows_ = 0;
  std::vector<std::string> names_;
  std::vector<double> values_;
};

}  // namespace lathe::ml
