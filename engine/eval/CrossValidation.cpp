#include "engine/eval/CrossValidation.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "engine/core/Error.h"
#include "engine/eval/Metric.h"
#include "engine/jobs/JobContext.h"

namespace lathe::eval {
namespace {

Error invalid(std::string message) { return Error(ErrorCode::InvalidArgument, std::move(message)); }

void checkData(const ml::Estimator& prototype, const ml::TrainingData& data, const char* procedure) {
  if (data.x.rows() == 0) throw invalid(std::string(procedure) + ": there are no rows to evaluate");
  if (data.task == ml::Task::Clustering || data.y.size() != data.x.rows())
    throw invalid(std::string(procedure) + ": needs a target for every row (clustering has no answers to score)");
  if (!prototype.supports(data.task))
    throw invalid(std::string(procedure) + ": " + prototype.algorithm() + " cannot learn a " +
                  std::string(ml::taskName(data.task)) + " task");
}

std::vector<std::string> metricsFor(std::vector<std::string> metrics, ml::Task task) {
  if (metrics.empty()) return Metric::defaultsFor(task);
  const auto known = Metric::names();
  for (const auto& name : metrics)
    if (std::find(known.begin(), known.end(), name) == known.end())
      throw Error(ErrorCode::InvalidArgument, "evaluation: unknown metric '" + name + "'", {}, name);
  return metrics;
}

// Runs the fit, naming the part of the evaluation in the error message of a failed fit.
void fitNamed(ml::Estimator& model, const ml::TrainingData& data, const jobs::JobContext& context, const std::string& where) {
  try {
    model.fit(data, context);
  } catch (const Error& e) {
    throw Error(e.code(), where + ": " + e.message(), e.where(), e.value());
  }
}

}  // namespace

Predictions CrossValidation::predict(const ml::Estimator& model, const ml::TrainingData& data) {
  Predictions out;
  out.task = data.task;
  out.classCount = data.classCount();
  out.yTrue = data.y;
  out.yPred = model.predict(data.x);
  if (out.yPred.size() != data.x.rows())
    throw Error(ErrorCode::Internal, model.algorithm() + ": predicted " + std::to_string(out.yPred.size()) +
                                         " values for " + std::to_string(data.x.rows()) + " rows");
  if (ml::isClassification(data.task)) {
    try {
      out.probabilities = model.predictProba(data.x);
    } catch (const Error& e) {
      if (e.code() != ErrorCode::Unsupported) throw;
    }
    const auto& p = out.probabilities;
    if (!p.values.empty() && (p.rows != data.x.rows() || p.classes != out.classCount || p.values.size() != p.rows * p.classes))
      throw Error(ErrorCode::Internal, model.algorithm() + ": class probabilities do not match the rows and classes");
  }
  return out;
}

double CrossValidation::score(const std::string& metric, const Predictions& predictions, std::vector<std::string>& warnings,
                              const std::string& where) {
  try {
    return Metric::compute(metric, predictions);
  } catch (const Error& e) {
    warnings.push_back(where + ": " + metric + " could not be computed: " + e.message());
    return std::numeric_limits<double>::quiet_NaN();
  }
}

void CrossValidation::summarise(MetricSummary& summary) {
  double sum = 0.0;
  std::size_t count = 0;
  for (double v : summary.perFold)
    if (std::isfinite(v)) sum += v, ++count;
  if (count == 0) {
    summary.mean = summary.std = std::numeric_limits<double>::quiet_NaN();
    return;
  }
  summary.mean = sum / static_cast<double>(count);
  double squares = 0.0;
  for (double v : summary.perFold)
    if (std::isfinite(v)) squares += (v - summary.mean) * (v - summary.mean);
  summary.std = std::sqrt(squares / static_cast<double>(count));
}

CrossValidationResult CrossValidation::run(const ml::Estimator& prototype, const ml::TrainingData& data,
                                           const CrossValidationOptions& options, const jobs::JobContext& context) {
  checkData(prototype, data, "cross-validation");
  const auto metrics = metricsFor(options.metrics, data.task);
  KFoldSplit split = DataSplit::kFold(data.y, data.task, options.split);
  const std::size_t k = split.folds.size();
  const std::size_t n = data.x.rows();

  CrossValidationResult result;
  result.folds = k;
  result.warnings = std::move(split.warnings);
  result.outOfFold.task = data.task;
  result.outOfFold.classCount = data.classCount();
  result.outOfFold.yTrue = data.y;
  result.outOfFold.yPred.assign(n, std::numeric_limits<double>::quiet_NaN());
  bool probabilities = ml::isClassification(data.task);
  if (probabilities) {
    result.outOfFold.probabilities.rows = n;
    result.outOfFold.probabilities.classes = data.classCount();
    result.outOfFold.probabilities.values.assign(n * data.classCount(), 0.0);
  }
  for (const auto& name : metrics) result.metrics.push_back({name, {}, 0.0, 0.0});

  for (std::size_t f = 0; f < k; ++f) {
    context.throwIfStopped();
    const std::string label = "Fold " + std::to_string(f + 1) + " of " + std::to_string(k);
    const double from = static_cast<double>(f) / static_cast<double>(k);
    const double to = static_cast<double>(f + 1) / static_cast<double>(k);
    context.progress(from, label);
    const Fold& fold = split.folds[f];
    auto model = prototype.clone();
    fitNamed(*model, data.selectRows(fold.train), context.subRange(from, to), "fold " + std::to_string(f + 1));
    context.throwIfStopped();
    const Predictions predicted = predict(*model, data.selectRows(fold.test));
    for (auto& summary : result.metrics)
      summary.perFold.push_back(score(summary.name, predicted, result.warnings, "fold " + std::to_string(f + 1)));
    // The headline metric of each fold as it ends: the studio draws it live.
    context.point("fold " + result.metrics.front().name, static_cast<double>(f + 1), result.metrics.front().perFold.back());
    for (std::size_t i = 0; i < fold.test.size(); ++i) result.outOfFold.yPred[fold.test[i]] = predicted.yPred[i];
    if (probabilities && predicted.probabilities.values.empty()) {
      probabilities = false;
      result.outOfFold.probabilities = {};
    }
    if (probabilities) {
      const std::size_t classes = data.classCount();
      for (std::size_t i = 0; i < fold.test.size(); ++i)
        std::copy_n(predicted.probabilities.values.begin() + static_cast<std::ptrdiff_t>(i * classes), classes,
                    result.outOfFold.probabilities.values.begin() + static_cast<std::ptrdiff_t>(fold.test[i] * classes));
    }
  }
  for (auto& summary : result.metrics) summarise(summary);
  context.progress(1.0, "Cross-validation done");
  return result;
}

HoldoutResult CrossValidation::holdout(const ml::Estimator& prototype, const ml::TrainingData& data,
                                       const HoldoutOptions& splitOptions, std::vector<std::string> metricNames,
                                       const jobs::JobContext& context) {
  checkData(prototype, data, "holdout");
  const auto metrics = metricsFor(std::move(metricNames), data.task);
  HoldoutResult result;
  result.split = DataSplit::holdout(data.y, data.task, splitOptions);
  result.warnings = result.split.warnings;
  context.throwIfStopped();
  context.progress(0.0, "Training on the holdout's training rows");
  auto model = prototype.clone();
  fitNamed(*model, data.selectRows(result.split.train), context.subRange(0.0, 0.9), "holdout");
  context.throwIfStopped();
  context.progress(0.9, "Scoring the held-out rows");
  auto scorePart = [&](const std::vector<std::size_t>& rows, Predictions& predictions, std::vector<MetricSummary>& out,
                       const std::string& where) {
    predictions.task = data.task;
    predictions.classCount = data.classCount();
    if (rows.empty()) return;
    predictions = predict(*model, data.selectRows(rows));
    for (const auto& name : metrics) {
      MetricSummary summary{name, {score(name, predictions, result.warnings, where)}, 0.0, 0.0};
      summarise(summary);
      out.push_back(std::move(summary));
    }
  };
  scorePart(result.split.validation, result.validation, result.validationMetrics, "validation");
  scorePart(result.split.test, result.test, result.testMetrics, "test");
  context.progress(1.0, "Holdout done");
  return result;
}

}  // namespace lathe::eval
