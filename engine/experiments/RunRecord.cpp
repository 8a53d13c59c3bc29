#include "engine/experiments/RunRecord.h"

#include <cmath>

#include "engine/core/Error.h"
#include "engine/eval/ConfusionMatrix.h"
#include "engine/eval/Curves.h"
#include "engine/eval/Metric.h"

namespace lathe::experiments {

namespace {

// At most kMaxCurvePoints, evenly spread, keeping the first and the last point.
std::vector<std::size_t> thinned(std::size_t size) {
  std::vector<std::size_t> keep;
  if (size <= RunRecord::kMaxCurvePoints) {
    for (std::size_t i = 0; i < size; ++i) keep.push_back(i);
    return keep;
  }
  const double step = static_cast<double>(size - 1) / static_cast<double>(RunRecord::kMaxCurvePoints - 1);
  for (std::size_t k = 0; k < RunRecord::kMaxCurvePoints; ++k)
    keep.push_back(static_cast<std::size_t>(std::llround(static_cast<double>(k) * step)));
  return keep;
}

store::RunCurve curveOf(std::string kind, std::string split, std::string label, const std::vector<double>& x,
                        const std::vector<double>& y, const std::vector<double>& thresholds) {
  store::RunCurve curve{std::move(kind), std::move(split), std::move(label), {}, {}, {}};
  for (std::size_t i : thinned(x.size())) {
    curve.x.push_back(x[i]);
    curve.y.push_back(y[i]);
    if (i < thresholds.size()) curve.thresholds.push_back(thresholds[i]);
  }
  return curve;
}

void addRocAndPr(store::ExperimentRun& run, const std::vector<double>& truth, const std::vector<double>& scores,
                 double positive, const std::string& split, const std::string& label) {
  try {
    const auto roc = eval::RocCurve::of(truth, scores, positive);
    run.curves.push_back(curveOf("roc", split, label, roc.fpr, roc.tpr, roc.thresholds));
    const auto pr = eval::PrecisionRecallCurve::of(truth, scores, positive);
    // Drawn from recall 0 to 1: the stored order is sklearn's (recall decreasing); PR's
    // thresholds have one value fewer than its points.
    run.curves.push_back(curveOf("pr", split, label, pr.recall, pr.precision, pr.thresholds));
  } catch (const Error&) {
    // A class absent from these rows has no curve; the metrics already say why.
  }
}

}  // namespace

void RunRecord::addMetrics(store::ExperimentRun& run, const std::vector<eval::MetricSummary>& metrics,
                           const std::string& split) {
  for (const auto& metric : metrics) run.metrics.push_back({split, metric.name, metric.mean});
}

void RunRecord::addPooledMetrics(store::ExperimentRun& run, const eval::Predictions& predictions,
                                 const std::string& split) {
  std::vector<std::string> warnings;
  for (const auto& name : eval::Metric::defaultsFor(predictions.task))
    run.metrics.push_back({split, name, eval::CrossValidation::score(name, predictions, warnings, split)});
}

void RunRecord::addCharts(store::ExperimentRun& run, const eval::Predictions& predictions,
                          const std::vector<std::string>& classes, const std::string& split) {
  if (predictions.yTrue.empty()) return;
  if (predictions.task == ml::Task::Regression) {
    run.curves.push_back(curveOf("predicted", split, "", predictions.yTrue, predictions.yPred, {}));
    return;
  }
  const auto confusion = eval::ConfusionMatrix::of(predictions.yTrue, predictions.yPred, classes.size(), classes);
  store::RunConfusion stored{split, confusion.labels, {}};
  for (std::size_t a = 0; a < confusion.classCount; ++a) {
    stored.counts.emplace_back();
    for (std::size_t p = 0; p < confusion.classCount; ++p)
      stored.counts.back().push_back(static_cast<std::int64_t>(confusion.at(a, p)));
  }
  run.confusions.push_back(std::move(stored));

  const auto& proba = predictions.probabilities;
  if (proba.rows != predictions.yTrue.size() || proba.classes != classes.size()) return;
  const std::size_t first = classes.size() == 2 ? 1 : 0;
  if (classes.size() > kMaxOneVsRestClasses) return;
  for (std::size_t k = first; k < classes.size(); ++k) {
    std::vector<double> scores(proba.rows);
    for (std::size_t r = 0; r < proba.rows; ++r) scores[r] = proba.at(r, k);
    addRocAndPr(run, predictions.yTrue, scores, static_cast<double>(k), split, classes[k]);
  }
}

void RunRecord::addLearningCurve(store::ExperimentRun& run, const eval::LearningCurveResult& curve) {
  store::RunCurve train{"learning", "train", curve.metric, {}, {}, {}};
  store::RunCurve validation{"learning", "validation", curve.metric, {}, {}, {}};
  for (const auto& point : curve.points) {
    train.x.push_back(static_cast<double>(point.trainRows));
    train.y.push_back(point.train.mean);
    validation.x.push_back(static_cast<double>(point.trainRows));
    validation.y.push_back(point.validation.mean);
  }
  run.curves.push_back(std::move(train));
  run.curves.push_back(std::move(validation));
}

}  // namespace lathe::experiments
