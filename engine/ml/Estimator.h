#pragma once
#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "engine/ml/FeatureMatrix.h"
#include "engine/ml/TrainingData.h"

namespace lathe::jobs {
class JobContext;
}

namespace lathe::ml {

class ModelWriter;
class ModelReader;

// Class probabilities: rows x classes, row-major (probabilities[row * classes + k]).
struct ClassProbabilities {
  std::size_t rows = 0;
  std::size_t classes = 0;
  std::vector<double> values;
  double at(std::size_t row, std::size_t k) const { return values[row * classes + k]; }
};

// One learning algorithm with its parameters: fitted on TrainingData, then predicting on any
// FeatureMatrix with the same columns. Every algorithm of the CLI contract implements it
// (logistic, linear, tree, forest, xgboost, knn, naive_bayes, mlp, kmeans, pca, dbscan,
// isolation_forest) and registers in EstimatorRegistry.
//
// Missing values and categories: estimators see numbers only. FeatureEncoder turns categories
// into one-hot columns (or codes, for trees) and leaves missing values as NaN; an estimator that
// cannot use NaN says so in its header and throws lathe::Error(InvalidArgument) naming the
// feature from fit() and predict() (the recipe's fill step is the cure).
class Estimator {
 public:
  virtual ~Estimator() = default;

  // The registry name ("logistic").
  virtual std::string algorithm() const = 0;
  // The parameters as set (defaults filled in), round-tripping through EstimatorRegistry::create.
  virtual nlohmann::json parameters() const = 0;
  // Whether this estimator can learn `task` (a classifier refuses regression and vice versa).
  virtual bool supports(Task task) const = 0;

  // Learns from `data`. Reports progress and honours the stop token (throws jobs::JobCancelled);
  // throws lathe::Error(InvalidArgument) with a clear message for data it cannot learn from
  // (one class only, no rows, NaN where it needs numbers, a task it does not support).
  virtual void fit(const TrainingData& data, const jobs::JobContext& context) = 0;

  // Per row: the class index (classification), the value (regression), the cluster
  // (clustering; -1 for noise) or the anomaly label (isolation forest: 1 anomaly, 0 normal).
  virtual std::vector<double> predict(const FeatureMatrix& x) const = 0;
  // Classifiers: the probability of each class per row. Others throw lathe::Error(Unsupported).
  virtual ClassProbabilities predictProba(const FeatureMatrix& x) const;
  // predict() and, for a classifier, predictProba() of the same rows (probabilities empty when
  // the estimator has none). The default calls both; an estimator whose classes come from its
  // probabilities answers both from one pass (the model server's hot path).
  struct Prediction {
    std::vector<double> values;
    ClassProbabilities probabilities;
  };
  virtual Prediction predictWithProbabilities(const FeatureMatrix& x) const;
  // One value per feature, summing to 1 where the algorithm defines them; empty when it does not.
  virtual std::vector<double> featureImportances() const { return {}; }

  // The fitted model as data only (never code), in ModelFile's versioned, bounds-checked format.
  virtual void save(ModelWriter& out) const = 0;
  virtual void load(ModelReader& in) = 0;

  virtual std::unique_ptr<Estimator> clone() const = 0;  // unfitted, same parameters
};

}  // namespace lathe::ml
