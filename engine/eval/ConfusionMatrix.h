#pragma once
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace lathe::eval {

// How often each true class was predicted as each class: rows are the true class, columns the
// predicted one, as sklearn.metrics.confusion_matrix(y_true, y_pred, labels=range(classCount)).
// Every classification metric is computed from it.
struct ConfusionMatrix {
  std::size_t classCount = 0;
  std::vector<std::string> labels;     // one per class, for the axes ("0", "1", ... if not given)
  std::vector<std::uint64_t> counts;   // classCount^2, row-major [trueClass * classCount + predicted]

  std::uint64_t at(std::size_t trueClass, std::size_t predicted) const {
    return counts[trueClass * classCount + predicted];
  }
  std::uint64_t total() const;
  std::uint64_t trueCount(std::size_t k) const;       // rows whose true class is k (support)
  std::uint64_t predictedCount(std::size_t k) const;  // rows predicted as k
  // Each row divided by its sum, as sklearn's normalize="true": a class with no true rows gives a
  // row of zeros. classCount^2, row-major.
  std::vector<double> normalizedRows() const;

  // yTrue and yPred hold class indices (as doubles, Predictions' convention). Throws
  // lathe::Error(InvalidArgument) for empty input, different lengths, fewer than 2 classes, more
  // names than classes, or a label that is NaN, not an integer, or outside [0, classCount).
  static ConfusionMatrix of(std::span<const double> yTrue, std::span<const double> yPred,
                            std::size_t classCount, std::vector<std::string> labels = {});
};

// The class index labels[row] stands for. Throws lathe::Error(InvalidArgument) naming `what`
// ("yTrue") and the row when the value is NaN, infinite, not an integer, or not below classCount.
std::size_t classIndexAt(std::span<const double> labels, std::size_t row, std::size_t classCount,
                         std::string_view what);

}  // namespace lathe::eval
