#include "engine/eval/Metric.h"

#include <algorithm>
#include <array>

#include "engine/core/Error.h"
#include "engine/eval/ClassificationMetrics.h"
#include "engine/eval/ConfusionMatrix.h"
#include "engine/eval/RegressionMetrics.h"

namespace lathe::eval {
namespace {

enum class Kind { Classification, Regression };

struct Definition {
  std::string_view name;
  Kind kind;
  bool higherIsBetter;
};

// The CLI contract's names (scikit-learn's spelling), in the order `names()` lists them.
constexpr std::array kMetrics{
    Definition{"accuracy", Kind::Classification, true},
    Definition{"balanced_accuracy", Kind::Classification, true},
    Definition{"precision", Kind::Classification, true},
    Definition{"recall", Kind::Classification, true},
    Definition{"f1", Kind::Classification, true},
    Definition{"precision_macro", Kind::Classification, true},
    Definition{"recall_macro", Kind::Classification, true},
    Definition{"f1_macro", Kind::Classification, true},
    Definition{"precision_weighted", Kind::Classification, true},
    Definition{"recall_weighted", Kind::Classification, true},
    Definition{"f1_weighted", Kind::Classification, true},
    Definition{"roc_auc", Kind::Classification, true},
    Definition{"pr_auc", Kind::Classification, true},
    Definition{"log_loss", Kind::Classification, false},
    Definition{"mse", Kind::Regression, false},
    Definition{"rmse", Kind::Regression, false},
    Definition{"mae", Kind::Regression, false},
    Definition{"r2", Kind::Regression, true},
};

const Definition& find(std::string_view name) {
  for (const auto& d : kMetrics)
    if (d.name == name) return d;
  std::string known;
  for (const auto& d : kMetrics) known += (known.empty() ? "" : ", ") + std::string(d.name);
  throw Error(ErrorCode::InvalidArgument, "Unknown metric '" + std::string(name) + "'; the metrics are: " + known, {},
              std::string(name));
}

// The class count the predictions claim, checked against the task and the probabilities.
std::size_t classCountOf(const Predictions& p, std::string_view metric) {
  std::size_t count = p.classCount;
  if (p.task == ml::Task::Binary && count == 0) count = 2;
  if (p.task == ml::Task::Binary && count != 2)
    throw Error(ErrorCode::InvalidArgument,
                std::string(metric) + ": a binary task has 2 classes, the predictions say " + std::to_string(count));
  if (count < 2)
    throw Error(ErrorCode::InvalidArgument,
                std::string(metric) + ": a multiclass task needs at least 2 classes, the predictions say " +
                    std::to_string(count));
  return count;
}

const ml::ClassProbabilities& probabilitiesOf(const Predictions& p, std::size_t classes, std::string_view metric) {
  if (p.probabilities.values.empty())
    throw Error(ErrorCode::InvalidArgument,
                std::string(metric) + " needs class probabilities, and these predictions have none");
  if (p.probabilities.classes != classes)
    throw Error(ErrorCode::InvalidArgument, std::string(metric) + ": probabilities of " +
                                                std::to_string(p.probabilities.classes) + " classes for a task of " +
                                                std::to_string(classes));
  return p.probabilities;
}

double classification(std::string_view name, const Predictions& p) {
  const std::size_t classes = classCountOf(p, name);
  if (name == "log_loss") return logLoss(p.yTrue, probabilitiesOf(p, classes, name));
  if (name == "roc_auc") return rocAuc(p.yTrue, probabilitiesOf(p, classes, name));
  if (name == "pr_auc") return averagePrecision(p.yTrue, probabilitiesOf(p, classes, name));
  const ConfusionMatrix m = ConfusionMatrix::of(p.yTrue, p.yPred, classes);
  if (name == "accuracy") return accuracy(m);
  if (name == "balanced_accuracy") return balancedAccuracy(m);
  // precision/recall/f1: of class 1 in a binary task, macro otherwise (sklearn scorers' rule).
  const Average plain = p.task == ml::Task::Binary ? Average::Binary : Average::Macro;
  const auto averageOf = [&](std::string_view prefix) {
    const std::string_view suffix = name.substr(prefix.size());
    return suffix.empty() ? plain : suffix == "_macro" ? Average::Macro : Average::Weighted;
  };
  if (name.starts_with("precision")) return precision(m, averageOf("precision"));
  if (name.starts_with("recall")) return recall(m, averageOf("recall"));
  return f1(m, averageOf("f1"));
}

double regression(std::string_view name, const Predictions& p) {
  if (name == "mse") return meanSquaredError(p.yTrue, p.yPred);
  if (name == "rmse") return rootMeanSquaredError(p.yTrue, p.yPred);
  if (name == "mae") return meanAbsoluteError(p.yTrue, p.yPred);
  return r2Score(p.yTrue, p.yPred);
}

}  // namespace

double Metric::compute(std::string_view name, const Predictions& predictions) {
  const Definition& metric = find(name);
  const std::string task(ml::taskName(predictions.task));
  if (predictions.task == ml::Task::Clustering)
    throw Error(ErrorCode::InvalidArgument, "'" + std::string(name) +
                                                "' does not score a clustering; use the silhouette of the features");
  const bool isClassifier = ml::isClassification(predictions.task);
  if (isClassifier != (metric.kind == Kind::Classification))
    throw Error(ErrorCode::InvalidArgument, "'" + std::string(name) + "' is a " +
                                                (isClassifier ? "regression" : "classification") +
                                                " metric and cannot score a " + task + " task");
  return isClassifier ? classification(metric.name, predictions) : regression(metric.name, predictions);
}

bool Metric::higherIsBetter(std::string_view name) { return find(name).higherIsBetter; }

std::vector<std::string> Metric::defaultsFor(ml::Task task) {
  switch (task) {
    case ml::Task::Binary:
      return {"roc_auc", "accuracy", "balanced_accuracy", "precision", "recall", "f1", "pr_auc", "log_loss"};
    case ml::Task::Multiclass:
      return {"accuracy", "balanced_accuracy", "f1_macro", "f1_weighted", "precision_macro", "recall_macro",
              "roc_auc", "log_loss"};
    case ml::Task::Regression: return {"r2", "rmse", "mae", "mse"};
    case ml::Task::Clustering: return {};  // Silhouette scores a clustering from its features
  }
  return {};
}

std::vector<std::string> Metric::names() {
  std::vector<std::string> out;
  for (const auto& d : kMetrics) out.emplace_back(d.name);
  return out;
}

}  // namespace lathe::eval
