#pragma once
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "engine/data/Column.h"
#include "engine/insights/ColumnFacts.h"
#include "engine/jobs/JobContext.h"

namespace lathe::insights {

// Target leakage: how well each feature alone predicts the target, scored leave-one-out as
// DataInsights describes (kLeakageBins, kLeakageScore, kLeakageGain). Holds the target as the
// scores read it: a class per row (-1 none) or a finite value (NaN none).
class TargetLeakage {
 public:
  // The target column `target` with its facts; nothing when it cannot be scored against (fewer
  // than two classes or more than kHighCardinalityMaxLevels, fewer than two values, no spread).
  static std::optional<TargetLeakage> of(const data::Column& target, const ColumnFacts& facts,
                                         const jobs::JobContext& context);

  // A class label (categorical, bool, text, or a few whole numbers), not a value to regress.
  bool classes() const { return classes_; }
  // Rows with a target: the rows the scores count.
  std::uint64_t rows() const { return rows_; }

  // The feature's score when it gives the target away (reaches kLeakageScore and, for classes,
  // removes kLeakageGain of the majority class's errors); nothing otherwise, or when scoring it
  // would take more than kMaxLeakageCells counts.
  std::optional<double> leakingScore(const data::Column& feature, const ColumnFacts& facts,
                                     const jobs::JobContext& context) const;

 private:
  std::optional<double> classScore(std::span<const std::int32_t> level, std::size_t levels,
                                   const jobs::JobContext& context) const;
  std::optional<double> valueScore(std::span<const std::int32_t> level, std::size_t levels,
                                   const jobs::JobContext& context) const;

  bool classes_ = false;
  std::vector<std::int32_t> classOf_;
  std::size_t classCount_ = 0;
  std::size_t majority_ = 0;  // the largest class
  std::uint64_t majorityRows_ = 0;
  std::vector<double> value_;
  double mean_ = 0.0;
  double totalSquares_ = 0.0;  // sum of squared deviations from the mean
  std::uint64_t rows_ = 0;
};

}  // namespace lathe::insights
