#include "engine/insights/TargetLeakage.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "engine/insights/DataInsights.h"
#include "engine/insights/ForRows.h"

namespace lathe::insights {
namespace {

using data::Column;
using data::ColumnType;

constexpr std::size_t kBinSample = std::size_t{1} << 16;  // values sampled for quantile bin edges

bool wholeNumbers(const Column& column, const jobs::JobContext& context) {
  bool whole = true;
  forRows(column.size(), context, [&](std::size_t row) {
    const double v = column.numericAt(row);
    if (!std::isnan(v) && !(std::isfinite(v) && v == std::floor(v))) whole = false;
  });
  return whole;
}

// A numeric column with many values in kLeakageBins quantile bins: edges from a strided sample,
// a value in the bin of the edges below it; -1 where missing.
std::vector<std::int32_t> quantileBins(const Column& column, std::size_t& bins, const jobs::JobContext& context) {
  const std::size_t rows = column.size();
  std::vector<double> sample;
  const std::size_t stride = std::max<std::size_t>(1, rows / kBinSample);
  for (std::size_t row = 0; row < rows; row += stride)
    if (const double v = column.numericAt(row); !std::isnan(v)) sample.push_back(v);
  std::sort(sample.begin(), sample.end());
  std::vector<double> edges;
  for (std::size_t k = 1; k < DataInsights::kLeakageBins && !sample.empty(); ++k) {
    const double edge = sample[k * (sample.size() - 1) / DataInsights::kLeakageBins];
    if (edges.empty() || edge > edges.back()) edges.push_back(edge);
  }
  bins = edges.size() + 1;
  std::vector<std::int32_t> level(rows, -1);
  forRows(rows, context, [&](std::size_t row) {
    const double v = column.numericAt(row);
    if (!std::isnan(v))
      level[row] = static_cast<std::int32_t>(std::lower_bound(edges.begin(), edges.end(), v) - edges.begin());
  });
  return level;
}

}  // namespace

std::optional<TargetLeakage> TargetLeakage::of(const Column& column, const ColumnFacts& facts,
                                               const jobs::JobContext& context) {
  TargetLeakage target;
  const bool numeric = column.type() == ColumnType::Float64 || column.type() == ColumnType::Int64;
  target.classes_ = column.type() == ColumnType::Bool || isTextLike(column) ||
                    (numeric && facts.distinct <= DataInsights::kMaxNumericClasses && wholeNumbers(column, context));
  if (target.classes_) {
    if (facts.distinct < 2 || facts.distinct > DataInsights::kHighCardinalityMaxLevels) return std::nullopt;
    target.classOf_ = facts.level;
    target.classCount_ = facts.sizes.size();
    target.majority_ = static_cast<std::size_t>(
        std::max_element(facts.sizes.begin(), facts.sizes.end()) - facts.sizes.begin());
    target.majorityRows_ = facts.sizes[target.majority_];
    target.rows_ = facts.present;
    return target;
  }
  target.value_.assign(column.size(), std::numeric_limits<double>::quiet_NaN());
  double sum = 0.0;
  forRows(column.size(), context, [&](std::size_t row) {
    const double v = column.numericAt(row);
    if (!std::isfinite(v)) return;
    target.value_[row] = v, sum += v, ++target.rows_;
  });
  if (target.rows_ < 2) return std::nullopt;
  target.mean_ = sum / static_cast<double>(target.rows_);
  forRows(column.size(), context, [&](std::size_t row) {
    if (const double v = target.value_[row]; !std::isnan(v))
      target.totalSquares_ += (v - target.mean_) * (v - target.mean_);
  });
  if (!(target.totalSquares_ > 0.0) || !std::isfinite(target.totalSquares_)) return std::nullopt;
  return target;
}

std::optional<double> TargetLeakage::leakingScore(const Column& feature, const ColumnFacts& facts,
                                                  const jobs::JobContext& context) const {
  std::size_t levels = facts.sizes.size();
  std::vector<std::int32_t> bins;
  std::span<const std::int32_t> level = facts.level;
  if (facts.level.empty()) {
    bins = quantileBins(feature, levels, context);
    level = bins;
  }
  const auto score = classes_ ? classScore(level, levels, context) : valueScore(level, levels, context);
  if (!score || *score < DataInsights::kLeakageScore) return std::nullopt;
  if (classes_) {
    const double baseline = static_cast<double>(majorityRows_) / static_cast<double>(rows_);
    if (*score - baseline < DataInsights::kLeakageGain * (1.0 - baseline)) return std::nullopt;
  }
  return score;
}

// Leave-one-out accuracy of the majority class per level (missing values: level `levels`).
std::optional<double> TargetLeakage::classScore(std::span<const std::int32_t> level, std::size_t levels,
                                                const jobs::JobContext& context) const {
  const std::size_t width = levels + 1, classes = classCount_;
  if (width > DataInsights::kMaxLeakageCells / classes) return std::nullopt;
  std::vector<std::uint32_t> cells(width * classes, 0);
  forRows(level.size(), context, [&](std::size_t row) {
    const std::int32_t c = classOf_[row];
    if (c < 0) return;
    const std::size_t l = level[row] < 0 ? levels : static_cast<std::size_t>(level[row]);
    ++cells[l * classes + static_cast<std::size_t>(c)];
  });
  std::uint64_t correct = 0;
  for (std::size_t l = 0; l < width; ++l) {
    std::uint64_t first = 0, second = 0, total = 0;
    std::size_t best = 0;
    for (std::size_t c = 0; c < classes; ++c) {
      const std::uint64_t n = cells[l * classes + c];
      total += n;
      if (n > first) second = first, first = n, best = c;
      else if (n > second) second = n;
    }
    // A row alone in its level is predicted by the majority class; otherwise a row is right when
    // its class still leads the level without it (a tie is counted wrong).
    if (total == 1) correct += best == majority_ ? 1 : 0;
    else if (first > second + 1) correct += first;
  }
  return static_cast<double>(correct) / static_cast<double>(rows_);
}

// Leave-one-out R^2 of the mean per level: without row i its level's mean moves by
// (y_i - mean)/(n - 1), so the level's squared error is its spread times (n / (n - 1))^2.
std::optional<double> TargetLeakage::valueScore(std::span<const std::int32_t> level, std::size_t levels,
                                                const jobs::JobContext& context) const {
  const std::size_t width = levels + 1;
  if (width > DataInsights::kMaxLeakageCells) return std::nullopt;
  std::vector<double> count(width, 0.0), sum(width, 0.0), spread(width, 0.0);
  auto levelOf = [&](std::size_t row) { return level[row] < 0 ? levels : static_cast<std::size_t>(level[row]); };
  forRows(level.size(), context, [&](std::size_t row) {
    if (const double v = value_[row]; !std::isnan(v)) count[levelOf(row)] += 1.0, sum[levelOf(row)] += v;
  });
  forRows(level.size(), context, [&](std::size_t row) {
    const double v = value_[row];
    if (std::isnan(v)) return;
    const std::size_t l = levelOf(row);
    const double d = v - sum[l] / count[l];
    spread[l] += d * d;
  });
  double errors = 0.0;
  for (std::size_t l = 0; l < width; ++l) {
    if (count[l] == 1.0) errors += (sum[l] - mean_) * (sum[l] - mean_);
    else if (count[l] > 1.0) errors += spread[l] * (count[l] / (count[l] - 1.0)) * (count[l] / (count[l] - 1.0));
  }
  return 1.0 - errors / totalSquares_;
}

}  // namespace lathe::insights
