#include "engine/eval/ClassificationMetrics.h"

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <string>
#include <vector>

#include "engine/core/Error.h"
#include "engine/eval/Curves.h"

namespace lathe::eval {
namespace {

// Per-class precision, recall and F1 with zero_division=0, and which classes take part.
struct PerClass {
  std::vector<double> precision, recall, f1, support;
  std::vector<bool> present;  // in yTrue or yPred: the classes sklearn's macro average spans
};

PerClass perClass(const ConfusionMatrix& m) {
  PerClass out;
  for (std::size_t k = 0; k < m.classCount; ++k) {
    const auto tp = static_cast<double>(m.at(k, k));
    const auto predicted = static_cast<double>(m.predictedCount(k));
    const auto actual = static_cast<double>(m.trueCount(k));
    const double p = predicted == 0 ? 0.0 : tp / predicted;
    const double r = actual == 0 ? 0.0 : tp / actual;
    const double denominator = p + r;
    out.precision.push_back(p);
    out.recall.push_back(r);
    out.f1.push_back(2 * p * r / (denominator == 0 ? 1.0 : denominator));  // as sklearn, beta = 1
    out.support.push_back(actual);
    out.present.push_back(predicted + actual > 0);
  }
  return out;
}

double averaged(const ConfusionMatrix& m, Average average, const std::vector<double>& values, const PerClass& pc) {
  switch (average) {
    case Average::Binary:
      if (m.classCount != 2)
        throw Error(ErrorCode::InvalidArgument, "A binary average needs 2 classes, got " + std::to_string(m.classCount) +
                                                    "; use a macro or weighted average");
      return values[1];
    case Average::Macro: {
      double sum = 0.0, count = 0.0;
      for (std::size_t k = 0; k < m.classCount; ++k)
        if (pc.present[k]) sum += values[k], count += 1;
      return sum / count;  // count > 0: the matrix has at least one row
    }
    case Average::Weighted: {
      double sum = 0.0, weight = 0.0;
      for (std::size_t k = 0; k < m.classCount; ++k) sum += values[k] * pc.support[k], weight += pc.support[k];
      return sum / weight;
    }
  }
  return 0.0;
}

// Neumaier's compensated sum: the mean of a million losses stays exact to ~1e-16.
class Sum {
 public:
  void add(double v) {
    const double t = sum_ + v;
    compensation_ += std::abs(sum_) >= std::abs(v) ? (sum_ - t) + v : (v - t) + sum_;
    sum_ = t;
  }
  double value() const { return sum_ + compensation_; }

 private:
  double sum_ = 0.0, compensation_ = 0.0;
};

void checkProbabilities(std::span<const double> yTrue, const ml::ClassProbabilities& p, const char* metric) {
  const std::string name(metric);
  if (yTrue.empty()) throw Error(ErrorCode::InvalidArgument, name + ": no predictions to score");
  if (p.rows == 0 && p.values.empty())
    throw Error(ErrorCode::InvalidArgument, name + " needs class probabilities, and the model gave none");
  if (p.rows != yTrue.size())
    throw Error(ErrorCode::InvalidArgument, name + ": yTrue has " + std::to_string(yTrue.size()) +
                                                " rows but the probabilities have " + std::to_string(p.rows));
  if (p.classes < 2)
    throw Error(ErrorCode::InvalidArgument, name + " needs probabilities of at least 2 classes, got " +
                                                std::to_string(p.classes));
  if (p.values.size() / p.classes != p.rows || p.values.size() % p.classes != 0)
    throw Error(ErrorCode::InvalidArgument, name + ": the probabilities hold " + std::to_string(p.values.size()) +
                                                " values, not rows x classes");
  for (std::size_t i = 0; i < p.values.size(); ++i)
    if (!std::isfinite(p.values[i]))
      throw Error(ErrorCode::InvalidArgument,
                  name + ": the probability of class " + std::to_string(i % p.classes) + " at row " +
                      std::to_string(i / p.classes + 1) + " is not a finite number",
                  {}, std::to_string(p.values[i]));
  for (std::size_t row = 0; row < yTrue.size(); ++row) classIndexAt(yTrue, row, p.classes, "yTrue");
}

std::vector<double> column(const ml::ClassProbabilities& p, std::size_t k) {
  std::vector<double> out(p.rows);
  for (std::size_t row = 0; row < p.rows; ++row) out[row] = p.at(row, k);
  return out;
}

void requireEveryClass(std::span<const double> yTrue, std::size_t classes, const char* metric) {
  std::vector<bool> seen(classes, false);
  for (double y : yTrue) seen[static_cast<std::size_t>(y)] = true;  // checked class indices
  for (std::size_t k = 0; k < classes; ++k)
    if (!seen[k])
      throw Error(ErrorCode::InvalidArgument, std::string(metric) + " is undefined: class " + std::to_string(k) +
                                                  " has no row in yTrue (every class must occur)");
}

// One-vs-rest over the classes, macro-averaged; binary: class 1 alone.
template <typename Score>
double oneVsRest(std::span<const double> yTrue, const ml::ClassProbabilities& p, Score score) {
  if (p.classes == 2) return score(yTrue, column(p, 1), 1.0);
  double sum = 0.0;
  for (std::size_t k = 0; k < p.classes; ++k) sum += score(yTrue, column(p, k), static_cast<double>(k));
  return sum / static_cast<double>(p.classes);
}

}  // namespace

double accuracy(const ConfusionMatrix& m) {
  std::uint64_t correct = 0;
  for (std::size_t k = 0; k < m.classCount; ++k) correct += m.at(k, k);
  return static_cast<double>(correct) / static_cast<double>(m.total());
}

double balancedAccuracy(const ConfusionMatrix& m) {
  double sum = 0.0, classes = 0.0;
  for (std::size_t k = 0; k < m.classCount; ++k) {
    const auto actual = m.trueCount(k);
    if (actual == 0) continue;  // sklearn: NaN recall, dropped by nanmean
    sum += static_cast<double>(m.at(k, k)) / static_cast<double>(actual);
    classes += 1;
  }
  return sum / classes;
}

double precision(const ConfusionMatrix& m, Average average) {
  const PerClass pc = perClass(m);
  return averaged(m, average, pc.precision, pc);
}

double recall(const ConfusionMatrix& m, Average average) {
  const PerClass pc = perClass(m);
  return averaged(m, average, pc.recall, pc);
}

double f1(const ConfusionMatrix& m, Average average) {
  const PerClass pc = perClass(m);
  return averaged(m, average, pc.f1, pc);
}

double logLoss(std::span<const double> yTrue, const ml::ClassProbabilities& probabilities) {
  checkProbabilities(yTrue, probabilities, "log_loss");
  const double eps = DBL_EPSILON;
  const std::size_t classes = probabilities.classes;
  Sum total;
  for (std::size_t row = 0; row < yTrue.size(); ++row) {
    double rowSum = 0.0;
    for (std::size_t k = 0; k < classes; ++k) rowSum += std::clamp(probabilities.at(row, k), eps, 1 - eps);
    const double truth = std::clamp(probabilities.at(row, static_cast<std::size_t>(yTrue[row])), eps, 1 - eps);
    total.add(-std::log(truth / rowSum));
  }
  return total.value() / static_cast<double>(yTrue.size());
}

double rocAuc(std::span<const double> yTrue, const ml::ClassProbabilities& probabilities) {
  checkProbabilities(yTrue, probabilities, "roc_auc");
  requireEveryClass(yTrue, probabilities.classes, "roc_auc");
  if (probabilities.classes > 2) {
    for (std::size_t row = 0; row < probabilities.rows; ++row) {
      double sum = 0.0;
      for (std::size_t k = 0; k < probabilities.classes; ++k) sum += probabilities.at(row, k);
      if (!(std::abs(1.0 - sum) <= 1e-8 + 1e-5 * std::abs(sum)))  // numpy.allclose's tolerance
        throw Error(ErrorCode::InvalidArgument, "roc_auc: the class probabilities at row " + std::to_string(row + 1) +
                                                    " sum to " + std::to_string(sum) + ", not 1");
    }
  }
  return oneVsRest(yTrue, probabilities, [](std::span<const double> y, const std::vector<double>& s, double k) {
    return RocCurve::of(y, s, k).area();
  });
}

double averagePrecision(std::span<const double> yTrue, const ml::ClassProbabilities& probabilities) {
  checkProbabilities(yTrue, probabilities, "pr_auc");
  requireEveryClass(yTrue, probabilities.classes, "pr_auc");
  return oneVsRest(yTrue, probabilities, [](std::span<const double> y, const std::vector<double>& s, double k) {
    return PrecisionRecallCurve::of(y, s, k).averagePrecision();
  });
}

}  // namespace lathe::eval
