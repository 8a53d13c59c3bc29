#pragma once
#include <cstddef>
#include <string>
#include <vector>

#include "engine/eval/CrossValidation.h"
#include "engine/eval/DataSplit.h"
#include "engine/ml/Estimator.h"
#include "engine/ml/TrainingData.h"

namespace lathe::jobs {
class JobContext;
}

namespace lathe::eval {

enum class BiasVariance { Underfit, Overfit, Balanced };

// The thresholds of the verdict, in "skill" units: skill = (score - baseline) / (perfect - baseline),
// so 0 is no better than always predicting the majority class (or the mean), 1 is a perfect score,
// whatever the metric and whichever way it points.
struct VerdictRule {
  double underfitBelow = 0.4;  // train skill below this: the model cannot even fit the rows it saw
  double overfitGap = 0.1;     // train skill minus validation skill above this: it memorises
};

// The verdict with the numbers behind it, so the user can check it.
//   Underfit  if trainSkill < rule.underfitBelow;
//   Overfit   else if trainSkill - validationSkill > rule.overfitGap;
//   Balanced  otherwise.
// When the metric cannot tell a perfect model from the baseline (both equal or not finite), the
// skills are NaN and the raw scores are judged the same way, as if baseline = 0 and perfect = 1.
struct BiasVarianceVerdict {
  BiasVariance verdict = BiasVariance::Balanced;
  std::string metric;
  double trainScore = 0.0;       // mean over folds at the largest training size
  double validationScore = 0.0;  // the same
  double gap = 0.0;              // how much better train is than validation, in the metric's units (>= 0 when train is better)
  double baselineScore = 0.0;    // the metric of a prior/mean predictor on all rows
  double perfectScore = 0.0;     // the metric of a perfect predictor on all rows
  double trainSkill = 0.0;
  double validationSkill = 0.0;
  VerdictRule rule;
  std::string explanation;  // one sentence in English naming the numbers
};

struct LearningCurvePoint {
  std::size_t trainRows = 0;
  MetricSummary train;       // the score on the rows fitted, per fold
  MetricSummary validation;  // the score on the fold held out
};

struct LearningCurveOptions {
  // Shares of the largest training fold, as scikit-learn's default np.linspace(0.1, 1.0, 5).
  std::vector<double> trainFractions{0.1, 0.325, 0.55, 0.775, 1.0};
  // learning_curve's default cv (StratifiedKFold(5) for classifiers, KFold(5) otherwise, unshuffled).
  KFoldOptions split{5, false, 0};
  // learning_curve's shuffle: permute each fold's training rows before taking the first n, so a
  // small share is not all of one class when the data is sorted by class.
  bool shuffleTrainRows = true;
  std::string metric;  // empty: the task's headline metric (Metric::defaultsFor(task).front())
  VerdictRule rule;
};

struct LearningCurveResult {
  std::string metric;
  std::vector<LearningCurvePoint> points;  // by training size, ascending
  BiasVarianceVerdict verdict;
  std::vector<std::string> warnings;
};

// Train and validation score over training-set size, as scikit-learn's learning_curve: for each
// fold of `split` and each size n = floor(fraction * rows of the first training fold) (at least 1,
// duplicates dropped), fit a clone on the first n training rows and score it on those rows and on
// the fold held out. A fit that refuses a small subset (one class only) leaves NaN at that point
// with a warning; other errors propagate. Progress: one share per fit; Cancel between and inside
// fits. Throws lathe::Error(InvalidArgument) for a fraction outside (0, 1], no fractions, and the
// cases CrossValidation::run refuses.
class LearningCurve {
 public:
  static LearningCurveResult compute(const ml::Estimator& prototype, const ml::TrainingData& data,
                                     const LearningCurveOptions& options, const jobs::JobContext& context);

  // The verdict from final scores and the reference scores of `data` for `metric`.
  static BiasVarianceVerdict judge(const std::string& metric, double trainScore, double validationScore,
                                   double baselineScore, double perfectScore, const VerdictRule& rule = {});
  // The metric of a predictor that ignores the features (majority class with the class shares as
  // probabilities, as DummyClassifier(strategy="prior"); the mean for regression), and of a
  // perfect one, both on every row of `data`. NaN where the metric cannot score them.
  static double baselineScore(const std::string& metric, const ml::TrainingData& data);
  static double perfectScore(const std::string& metric, const ml::TrainingData& data);
};

}  // namespace lathe::eval
