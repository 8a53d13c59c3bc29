#include "engine/eval/ThresholdAnalysis.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>

#include "engine/core/Error.h"

namespace lathe::eval {
namespace {

Error invalid(std::string message, std::string value = {}) {
  return Error(ErrorCode::InvalidArgument, std::move(message), {}, std::move(value));
}

double valueOf(const std::optional<double>& entry, const char* name) {
  const double v = entry.value_or(0.0);
  if (!std::isfinite(v))
    throw invalid(std::string("threshold analysis: the value of a ") + name + " must be a finite number", std::to_string(v));
  return v;
}

}  // namespace

ThresholdAnalysisResult ThresholdAnalysis::analyse(std::span<const double> positive, std::span<const double> scores,
                                                   const store::CostMatrix& values, ThresholdGrid grid) {
  const std::size_t n = positive.size();
  if (n == 0) throw invalid("threshold analysis: there are no rows");
  if (scores.size() != n)
    throw invalid("threshold analysis: " + std::to_string(n) + " labels but " + std::to_string(scores.size()) + " scores");
  const double vTP = valueOf(values.truePositive, "true positive");
  const double vFP = valueOf(values.falsePositive, "false positive");
  const double vFN = valueOf(values.falseNegative, "false negative");
  const double vTN = valueOf(values.trueNegative, "true negative");

  // Rows sorted by score, with the count of positives at or above each position.
  std::vector<std::pair<double, bool>> rows(n);
  for (std::size_t r = 0; r < n; ++r) {
    if (positive[r] != 0.0 && positive[r] != 1.0)
      throw invalid("threshold analysis: row " + std::to_string(r + 1) + " has the label " + std::to_string(positive[r]) +
                        "; expected 0 or 1",
                    std::to_string(positive[r]));
    if (!std::isfinite(scores[r]))
      throw invalid("threshold analysis: row " + std::to_string(r + 1) + " has no finite score", std::to_string(scores[r]));
    rows[r] = {scores[r], positive[r] == 1.0};
  }
  std::sort(rows.begin(), rows.end());
  std::vector<std::size_t> positivesFrom(n + 1, 0);  // positives among rows[i..n)
  for (std::size_t i = n; i-- > 0;) positivesFrom[i] = positivesFrom[i + 1] + (rows[i].second ? 1 : 0);
  const std::size_t allPositives = positivesFrom[0];

  std::vector<double> thresholds;
  if (grid == ThresholdGrid::Grid101) {
    for (int i = 0; i <= 100; ++i) thresholds.push_back(i / 100.0);
  } else {
    for (const auto& row : rows)
      if (thresholds.empty() || thresholds.back() != row.first) thresholds.push_back(row.first);
    thresholds.push_back(std::nextafter(rows.back().first, std::numeric_limits<double>::infinity()));
  }

  ThresholdAnalysisResult result;
  result.points.reserve(thresholds.size());
  for (double t : thresholds) {
    const auto first = static_cast<std::size_t>(
        std::lower_bound(rows.begin(), rows.end(), t, [](const auto& row, double value) { return row.first < value; }) -
        rows.begin());
    ThresholdPoint p;
    p.threshold = t;
    p.truePositives = positivesFrom[first];
    p.falsePositives = (n - first) - p.truePositives;
    p.falseNegatives = allPositives - p.truePositives;
    p.trueNegatives = first - p.falseNegatives;
    const std::size_t flagged = p.truePositives + p.falsePositives;
    p.precision = flagged == 0 ? 1.0 : static_cast<double>(p.truePositives) / static_cast<double>(flagged);
    p.recall = allPositives == 0 ? 0.0 : static_cast<double>(p.truePositives) / static_cast<double>(allPositives);
    p.totalValue = static_cast<double>(p.truePositives) * vTP + static_cast<double>(p.falsePositives) * vFP +
                   static_cast<double>(p.falseNegatives) * vFN + static_cast<double>(p.trueNegatives) * vTN;
    p.expectedValue = p.totalValue / static_cast<double>(n);
    result.points.push_back(p);
  }
  for (std::size_t i = 1; i < result.points.size(); ++i)
    if (result.points[i].expectedValue >= result.points[result.best].expectedValue) result.best = i;
  return result;
}

ThresholdAnalysisResult ThresholdAnalysis::analyse(const Predictions& predictions, const store::CostMatrix& values,
                                                   ThresholdGrid grid) {
  if (predictions.task != ml::Task::Binary)
    throw invalid("threshold analysis: needs a binary classifier's predictions");
  const auto& p = predictions.probabilities;
  if (p.classes != 2 || p.rows != predictions.yTrue.size() || p.values.size() != p.rows * 2)
    throw invalid("threshold analysis: needs the positive class's probability for every row");
  std::vector<double> scores(p.rows);
  for (std::size_t r = 0; r < p.rows; ++r) scores[r] = p.at(r, 1);
  return analyse(predictions.yTrue, scores, values, grid);
}

}  // namespace lathe::eval
