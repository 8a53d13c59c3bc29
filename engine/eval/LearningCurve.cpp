#include "engine/eval/LearningCurve.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>

#include "engine/core/Error.h"
#include "engine/eval/Metric.h"
#include "engine/jobs/JobContext.h"

namespace lathe::eval {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

Error invalid(std::string message) { return Error(ErrorCode::InvalidArgument, std::move(message)); }

std::string number(double value) {
  char text[32];
  std::snprintf(text, sizeof text, "%.3g", value);
  return text;
}

double safeScore(const std::string& metric, const Predictions& predictions) {
  try {
    return Metric::compute(metric, predictions);
  } catch (const Error&) {
    return kNaN;
  }
}

Predictions referencePredictions(const ml::TrainingData& data) {
  Predictions p;
  p.task = data.task;
  p.classCount = data.classCount();
  p.yTrue = data.y;
  return p;
}

std::vector<std::size_t> trainingSizes(const std::vector<double>& fractions, std::size_t largest,
                                       std::vector<std::string>& warnings) {
  if (fractions.empty()) throw invalid("learning curve: no training sizes given");
  std::vector<std::size_t> sizes;
  for (double f : fractions) {
    if (!std::isfinite(f) || f <= 0.0 || f > 1.0)
      throw Error(ErrorCode::InvalidArgument, "learning curve: a training share must be in (0, 1], got " + number(f), {},
                  number(f));
    sizes.push_back(std::clamp<std::size_t>(static_cast<std::size_t>(std::floor(f * static_cast<double>(largest))), 1, largest));
  }
  std::sort(sizes.begin(), sizes.end());
  const auto before = sizes.size();
  sizes.erase(std::unique(sizes.begin(), sizes.end()), sizes.end());
  if (sizes.size() != before)
    warnings.push_back("learning curve: some training shares give the same number of rows; each size is used once");
  return sizes;
}

}  // namespace

double LearningCurve::baselineScore(const std::string& metric, const ml::TrainingData& data) {
  Predictions p = referencePredictions(data);
  const std::size_t n = data.y.size();
  if (n == 0) return kNaN;
  if (ml::isClassification(data.task)) {
    const std::size_t classes = data.classCount();
    if (classes == 0) return kNaN;
    std::vector<double> shares(classes, 0.0);
    for (double y : data.y)
      if (y >= 0 && static_cast<std::size_t>(y) < classes) shares[static_cast<std::size_t>(y)] += 1.0;
    const auto majority = static_cast<double>(std::max_element(shares.begin(), shares.end()) - shares.begin());
    for (double& s : shares) s /= static_cast<double>(n);
    p.yPred.assign(n, majority);
    p.probabilities.rows = n;
    p.probabilities.classes = classes;
    p.probabilities.values.reserve(n * classes);
    for (std::size_t r = 0; r < n; ++r) p.probabilities.values.insert(p.probabilities.values.end(), shares.begin(), shares.end());
  } else {
    double mean = 0.0;
    for (double y : data.y) mean += y;
    p.yPred.assign(n, mean / static_cast<double>(n));
  }
  return safeScore(metric, p);
}

double LearningCurve::perfectScore(const std::string& metric, const ml::TrainingData& data) {
  Predictions p = referencePredictions(data);
  const std::size_t n = data.y.size();
  if (n == 0) return kNaN;
  p.yPred = data.y;
  if (ml::isClassification(data.task)) {
    const std::size_t classes = data.classCount();
    p.probabilities.rows = n;
    p.probabilities.classes = classes;
    p.probabilities.values.assign(n * classes, 0.0);
    for (std::size_t r = 0; r < n; ++r)
      if (data.y[r] >= 0 && static_cast<std::size_t>(data.y[r]) < classes)
        p.probabilities.values[r * classes + static_cast<std::size_t>(data.y[r])] = 1.0;
  }
  return safeScore(metric, p);
}

BiasVarianceVerdict LearningCurve::judge(const std::string& metric, double trainScore, double validationScore,
                                         double baseline, double perfect, const VerdictRule& rule) {
  BiasVarianceVerdict v;
  v.metric = metric;
  v.trainScore = trainScore;
  v.validationScore = validationScore;
  v.baselineScore = baseline;
  v.perfectScore = perfect;
  v.rule = rule;
  v.gap = Metric::higherIsBetter(metric) ? trainScore - validationScore : validationScore - trainScore;
  const bool scaled = std::isfinite(baseline) && std::isfinite(perfect) && perfect != baseline;
  v.trainSkill = scaled ? (trainScore - baseline) / (perfect - baseline) : kNaN;
  v.validationSkill = scaled ? (validationScore - baseline) / (perfect - baseline) : kNaN;
  const std::string scores = metric + " " + number(trainScore) + " on training rows, " + number(validationScore) +
                             " on validation rows";
  if (!std::isfinite(trainScore) || !std::isfinite(validationScore)) {
    v.verdict = BiasVariance::Balanced;
    v.explanation = "No verdict: the " + metric + " scores could not be computed.";
  } else if (!scaled) {
    // Without a scale only the gap can be judged, in the metric's own units.
    v.verdict = v.gap > rule.overfitGap ? BiasVariance::Overfit : BiasVariance::Balanced;
    v.explanation = (v.verdict == BiasVariance::Overfit ? "Overfit: " : "Balanced: ") + scores + ", a gap of " +
                    number(v.gap) + " (limit " + number(rule.overfitGap) + "; " + metric +
                    " gives no baseline to judge underfitting).";
  } else if (v.trainSkill < rule.underfitBelow) {
    v.verdict = BiasVariance::Underfit;
    v.explanation = "Underfit: " + scores + "; even on the rows it learned from it gets only " +
                    number(100 * v.trainSkill) + "% of the way from the baseline (" + number(baseline) +
                    ") to a perfect score (" + number(perfect) + "), below " + number(100 * rule.underfitBelow) + "%.";
  } else if (v.trainSkill - v.validationSkill > rule.overfitGap) {
    v.verdict = BiasVariance::Overfit;
    v.explanation = "Overfit: " + scores + "; the gap is " + number(100 * (v.trainSkill - v.validationSkill)) +
                    "% of the distance from the baseline (" + number(baseline) + ") to perfect (" + number(perfect) +
                    "), above " + number(100 * rule.overfitGap) + "%.";
  } else {
    v.verdict = BiasVariance::Balanced;
    v.explanation = "Balanced: " + scores + "; it reaches " + number(100 * v.validationSkill) +
                    "% of the way from the baseline (" + number(baseline) + ") to perfect (" + number(perfect) +
                    ") on unseen rows, close to its training score.";
  }
  return v;
}

LearningCurveResult LearningCurve::compute(const ml::Estimator& prototype, const ml::TrainingData& data,
                                           const LearningCurveOptions& options, const jobs::JobContext& context) {
  if (data.x.rows() == 0) throw invalid("learning curve: there are no rows to evaluate");
  if (data.task == ml::Task::Clustering || data.y.size() != data.x.rows())
    throw invalid("learning curve: needs a target for every row (clustering has no answers to score)");
  if (!prototype.supports(data.task))
    throw invalid("learning curve: " + prototype.algorithm() + " cannot learn a " + std::string(ml::taskName(data.task)) +
                  " task");
  LearningCurveResult result;
  result.metric = options.metric.empty() ? Metric::defaultsFor(data.task).front() : options.metric;
  const auto known = Metric::names();
  if (std::find(known.begin(), known.end(), result.metric) == known.end())
    throw Error(ErrorCode::InvalidArgument, "learning curve: unknown metric '" + result.metric + "'", {}, result.metric);

  KFoldSplit split = DataSplit::kFold(data.y, data.task, options.split);
  result.warnings = std::move(split.warnings);
  const auto sizes = trainingSizes(options.trainFractions, split.folds.front().train.size(), result.warnings);
  const std::size_t k = split.folds.size();
  for (std::size_t size : sizes) result.points.push_back({size, {result.metric, {}, 0, 0}, {result.metric, {}, 0, 0}});

  const double steps = static_cast<double>(k * sizes.size());
  std::size_t step = 0;
  for (std::size_t f = 0; f < k; ++f) {
    std::vector<std::size_t> train = split.folds[f].train;
    if (options.shuffleTrainRows) {
      const auto order = DataSplit::permutation(train.size(), options.split.seed + f);
      std::vector<std::size_t> shuffled(train.size());
      for (std::size_t i = 0; i < train.size(); ++i) shuffled[i] = train[order[i]];
      train = std::move(shuffled);
    }
    const ml::TrainingData validation = data.selectRows(split.folds[f].test);
    for (std::size_t s = 0; s < sizes.size(); ++s, ++step) {
      context.throwIfStopped();
      const std::string where = "fold " + std::to_string(f + 1) + ", " + std::to_string(sizes[s]) + " rows";
      context.progress(static_cast<double>(step) / steps, "Learning curve: " + where);
      // A fold's training rows may be fewer than the first fold's (uneven folds).
      const std::size_t n = std::min(sizes[s], train.size());
      const ml::TrainingData subset = data.selectRows(std::span<const std::size_t>(train.data(), n));
      auto model = prototype.clone();
      auto& point = result.points[s];
      try {
        model->fit(subset, context.subRange(static_cast<double>(step) / steps, static_cast<double>(step + 1) / steps));
      } catch (const Error& e) {
        if (e.code() != ErrorCode::InvalidArgument) throw;
        result.warnings.push_back(where + ": the model could not be fitted: " + e.message());
        point.train.perFold.push_back(kNaN);
        point.validation.perFold.push_back(kNaN);
        continue;
      }
      point.train.perFold.push_back(
          CrossValidation::score(result.metric, CrossValidation::predict(*model, subset), result.warnings, where + ", training rows"));
      point.validation.perFold.push_back(CrossValidation::score(
          result.metric, CrossValidation::predict(*model, validation), result.warnings, where + ", validation rows"));
    }
  }
  for (auto& point : result.points) {
    CrossValidation::summarise(point.train);
    CrossValidation::summarise(point.validation);
  }
  const auto& last = result.points.back();
  result.verdict = judge(result.metric, last.train.mean, last.validation.mean, baselineScore(result.metric, data),
                         perfectScore(result.metric, data), options.rule);
  context.progress(1.0, "Learning curve done");
  return result;
}

}  // namespace lathe::eval
