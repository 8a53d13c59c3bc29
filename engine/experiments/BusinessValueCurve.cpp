#include "engine/experiments/BusinessValueCurve.h"

#include <algorithm>
#include <cmath>
#include <cstdint>

#include "engine/core/Error.h"
#include "engine/eval/ClassificationMetrics.h"
#include "engine/experiments/RunComparison.h"

namespace lathe::experiments {

namespace {

constexpr double kDefaultThreshold = 0.5;
// Counts above 2^53 are not whole numbers in a double: no real confusion matrix has them.
constexpr std::int64_t kMaxCount = std::int64_t{1} << 53;

double valueOf(const std::optional<double>& entry, const char* name) {
  const double v = entry.value_or(0.0);
  if (!std::isfinite(v))
    throw Error(ErrorCode::InvalidArgument,
                std::string("business value: the value of a ") + name + " must be a finite number", {},
                std::to_string(v));
  return v;
}

const store::RunConfusion* confusionOn(const store::ExperimentRun& run, const std::string& split) {
  for (const auto& confusion : run.confusions)
    if (confusion.split == split) return &confusion;
  return nullptr;
}

// The positive class's row in the confusion matrix: the one the ROC curve is of (class 1 when the
// curve does not say), or nullopt when the curve names a class the matrix does not have.
std::optional<std::size_t> positiveRow(const store::RunConfusion& confusion, const store::RunCurve& roc) {
  if (roc.label.empty()) return 1;
  for (std::size_t k = 0; k < 2; ++k)
    if (confusion.labels[k] == roc.label) return k;
  return std::nullopt;
}

// The whole count a rate times `rows` stands for, or nullopt when it is not one (the curve is
// over other rows than the matrix).
std::optional<double> wholeCount(double rate, double rows) {
  const double count = rate * rows;
  const double rounded = std::round(count);
  if (std::abs(count - rounded) > 1e-6 + 1e-9 * rows) return std::nullopt;
  return rounded;
}

double kpiAt(const std::string& metric, double tp, double fp, double fn, double tn) {
  eval::ConfusionMatrix m;
  m.classCount = 2;
  m.counts = {static_cast<std::uint64_t>(tn), static_cast<std::uint64_t>(fp), static_cast<std::uint64_t>(fn),
              static_cast<std::uint64_t>(tp)};
  if (metric == "accuracy") return eval::accuracy(m);
  if (metric == "balanced_accuracy") return eval::balancedAccuracy(m);
  // Plain precision/recall/f1 are of the positive class (class 1), as Metric scores a binary run.
  const auto average = metric.ends_with("_macro")      ? eval::Average::Macro
                       : metric.ends_with("_weighted") ? eval::Average::Weighted
                                                       : eval::Average::Binary;
  if (metric.starts_with("precision")) return eval::precision(m, average);
  if (metric.starts_with("recall")) return eval::recall(m, average);
  return eval::f1(m, average);
}

}  // namespace

bool BusinessValueCurve::dependsOnThreshold(const std::string& metric) {
  if (metric == "accuracy" || metric == "balanced_accuracy") return true;
  for (const char* base : {"precision", "recall", "f1"})
    for (const char* suffix : {"", "_macro", "_weighted"})
      if (metric == std::string(base) + suffix) return true;
  return false;
}

std::optional<BusinessValueCurve> BusinessValueCurve::of(const store::ExperimentRun& run, const store::CostMatrix& costs,
                                                         const store::Kpi& kpi) {
  const double vTP = valueOf(costs.truePositive, "true positive");
  const double vFP = valueOf(costs.falsePositive, "false positive");
  const double vFN = valueOf(costs.falseNegative, "false negative");
  const double vTN = valueOf(costs.trueNegative, "true negative");
  if (run.task != "binary") return std::nullopt;
  const store::RunCurve* roc = RunComparison::curveOf(run, "roc");
  if (!roc || roc->thresholds.empty()) return std::nullopt;
  const store::RunConfusion* confusion = confusionOn(run, roc->split);
  if (!confusion || confusion->labels.size() != 2 || confusion->counts.size() != 2) return std::nullopt;
  for (const auto& row : confusion->counts)
    if (row.size() != 2 || std::any_of(row.begin(), row.end(), [](std::int64_t c) { return c < 0 || c > kMaxCount; }))
      return std::nullopt;
  const auto positive = positiveRow(*confusion, *roc);
  if (!positive) return std::nullopt;
  const auto& positiveCounts = confusion->counts[*positive];
  const auto& negativeCounts = confusion->counts[1 - *positive];

  BusinessValueCurve out;
  out.split = roc->split;
  out.positives = static_cast<double>(positiveCounts[0]) + static_cast<double>(positiveCounts[1]);
  out.negatives = static_cast<double>(negativeCounts[0]) + static_cast<double>(negativeCounts[1]);
  if (out.positives == 0 || out.negatives == 0) return std::nullopt;  // no ROC curve over such rows
  out.kpiDependsOnThreshold = dependsOnThreshold(kpi.metric);
  const double rows = out.positives + out.negatives;

  const std::size_t size = std::min({roc->x.size(), roc->y.size(), roc->thresholds.size()});
  for (std::size_t i = 0; i < size; ++i) {
    const double fpr = roc->x[i], tpr = roc->y[i], threshold = roc->thresholds[i];
    if (!std::isfinite(threshold) || !(fpr >= 0 && fpr <= 1) || !(tpr >= 0 && tpr <= 1)) continue;
    const auto tp = wholeCount(tpr, out.positives);
    const auto fp = wholeCount(fpr, out.negatives);
    if (!tp || !fp) return std::nullopt;
    const double fn = out.positives - *tp, tn = out.negatives - *fp;
    Point point;
    point.threshold = threshold;
    // Summed in ThresholdAnalysis's order, so equal counts give the same value to the last bit.
    point.totalValue = *tp * vTP + *fp * vFP + fn * vFN + tn * vTN;
    point.expectedValue = point.totalValue / rows;
    if (out.kpiDependsOnThreshold) point.kpiValue = kpiAt(kpi.metric, *tp, *fp, fn, tn);
    out.points.push_back(point);
  }
  if (out.points.empty()) return std::nullopt;
  // Stored from the highest threshold down; a file may hold them in any order.
  std::stable_sort(out.points.begin(), out.points.end(),
                   [](const Point& a, const Point& b) { return a.threshold < b.threshold; });

  for (std::size_t i = 1; i < out.points.size(); ++i)
    if (out.points[i].expectedValue >= out.points[out.best].expectedValue) out.best = i;
  out.atDefault = out.points.size() - 1;
  for (std::size_t i = out.points.size(); i-- > 0;)
    if (out.points[i].threshold >= kDefaultThreshold) out.atDefault = i;
  return out;
}

}  // namespace lathe::experiments
