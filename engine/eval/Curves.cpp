#include "engine/eval/Curves.h"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <numeric>
#include <string>

#include "engine/core/Error.h"

namespace lathe::eval {
namespace {

// sklearn's _binary_clf_curve: for each distinct score, from the highest, the false and true
// positives among rows scoring at least that much. Counts are whole numbers held as doubles, as
// numpy holds them, so every later division matches sklearn's bit for bit.
struct BinaryCounts {
  std::vector<double> fps, tps, thresholds;
};

BinaryCounts countByThreshold(std::span<const double> yTrue, std::span<const double> scores,
                              double positiveClass, const char* curve) {
  if (yTrue.empty()) throw Error(ErrorCode::InvalidArgument, std::string(curve) + ": no rows to draw");
  if (yTrue.size() != scores.size())
    throw Error(ErrorCode::InvalidArgument, std::string(curve) + ": yTrue has " + std::to_string(yTrue.size()) +
                                                " rows but the scores have " + std::to_string(scores.size()));
  std::vector<std::pair<double, bool>> rows(yTrue.size());
  std::size_t positives = 0;
  for (std::size_t i = 0; i < yTrue.size(); ++i) {
    if (!std::isfinite(scores[i]))  // sklearn refuses NaN and infinity too
      throw Error(ErrorCode::InvalidArgument,
                  std::string(curve) + ": the score at row " + std::to_string(i + 1) + " is not a finite number",
                  {}, std::to_string(scores[i]));
    if (std::isnan(yTrue[i]))
      throw Error(ErrorCode::InvalidArgument, std::string(curve) + ": yTrue at row " + std::to_string(i + 1) + " is NaN",
                  {}, "NaN");
    const bool positive = yTrue[i] == positiveClass;
    positives += positive;
    rows[i] = {scores[i], positive};
  }
  if (positives == 0 || positives == rows.size())
    throw Error(ErrorCode::InvalidArgument,
                std::string(curve) + ": yTrue has " + (positives == 0 ? "no positive" : "no negative") +
                    " row; the curve needs both classes");
  // Highest score first; the order within ties does not matter, only the counts at their end.
  std::sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
  BinaryCounts out;
  double tp = 0;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    tp += rows[i].second;
    if (i + 1 == rows.size() || rows[i + 1].first != rows[i].first) {
      out.tps.push_back(tp);
      out.fps.push_back(static_cast<double>(i + 1) - tp);
      out.thresholds.push_back(rows[i].first);
    }
  }
  return out;
}

}  // namespace

RocCurve RocCurve::of(std::span<const double> yTrue, std::span<const double> scores, double positiveClass) {
  BinaryCounts c = countByThreshold(yTrue, scores, positiveClass, "ROC curve");
  const std::size_t n = c.tps.size();
  // drop_intermediate: keep the ends and every point where either count's second difference is
  // not zero (a corner); collinear points in between lie on the segment anyway.
  std::vector<std::size_t> keep;
  for (std::size_t i = 0; i < n; ++i) {
    const bool end = n <= 2 || i == 0 || i + 1 == n;
    if (end || c.fps[i + 1] - 2 * c.fps[i] + c.fps[i - 1] != 0 || c.tps[i + 1] - 2 * c.tps[i] + c.tps[i - 1] != 0)
      keep.push_back(i);
  }
  RocCurve curve;
  curve.fpr.reserve(keep.size() + 1);
  curve.tpr.reserve(keep.size() + 1);
  curve.thresholds.reserve(keep.size() + 1);
  const double negatives = c.fps.back(), positives = c.tps.back();
  curve.fpr.push_back(0.0);
  curve.tpr.push_back(0.0);
  curve.thresholds.push_back(c.thresholds[keep.front()] + 1);  // sklearn 1.2 (1.3 uses +inf)
  for (std::size_t i : keep) {
    curve.fpr.push_back(c.fps[i] / negatives);
    curve.tpr.push_back(c.tps[i] / positives);
    curve.thresholds.push_back(c.thresholds[i]);
  }
  return curve;
}

double RocCurve::area() const {
  // numpy.trapz: sum of dx * (y[i+1] + y[i]) / 2, in order.
  double sum = 0.0;
  for (std::size_t i = 0; i + 1 < fpr.size(); ++i) sum += (fpr[i + 1] - fpr[i]) * (tpr[i + 1] + tpr[i]) / 2.0;
  return sum;
}

PrecisionRecallCurve PrecisionRecallCurve::of(std::span<const double> yTrue, std::span<const double> scores,
                                              double positiveClass) {
  BinaryCounts c = countByThreshold(yTrue, scores, positiveClass, "Precision-recall curve");
  const std::size_t n = c.tps.size();
  PrecisionRecallCurve curve;
  curve.precision.resize(n + 1);
  curve.recall.resize(n + 1);
  curve.thresholds.resize(n);
  const double positives = c.tps.back();
  for (std::size_t i = 0; i < n; ++i) {  // reversed: lowest threshold first
    const std::size_t from = n - 1 - i;
    curve.precision[i] = c.tps[from] / (c.tps[from] + c.fps[from]);  // never 0/0: each point has a row
    curve.recall[i] = c.tps[from] / positives;
    curve.thresholds[i] = c.thresholds[from];
  }
  curve.precision[n] = 1.0;
  curve.recall[n] = 0.0;
  return curve;
}

double PrecisionRecallCurve::averagePrecision() const {
  // sklearn: -sum(diff(recall) * precision[:-1])
  double sum = 0.0;
  for (std::size_t i = 0; i + 1 < recall.size(); ++i) sum += (recall[i + 1] - recall[i]) * precision[i];
  return -sum;
}

}  // namespace lathe::eval
