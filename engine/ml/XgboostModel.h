#pragma once
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "engine/ml/Estimator.h"
#include "engine/ml/XgboostBooster.h"

namespace lathe::ml {

// Gradient-boosted trees ("xgboost") through libxgboost's C API: binary:logistic, multi:softprob
// or reg:squarederror by task, tree_method "hist". Parameters and defaults (XGBoost's own, which
// xgboost.XGBClassifier also uses):
//   n_estimators 100, max_depth 6, learning_rate 0.3, subsample 1, colsample_bytree 1,
//   min_child_weight 1, reg_lambda 1, random_state 0, threads 0 (all cores),
//   early_stopping_rounds null (off), validation_fraction 0.1.
// Early stopping watches the validation set's logloss / mlogloss / rmse and keeps the rounds up
// to the best one (XGBoost's rule: stop after `early_stopping_rounds` rounds without a strict
// improvement). The validation set is the one given to setValidation(), or else a seeded random
// `validation_fraction` of the training rows held out of training.
// Missing values (NaN) are handled by XGBoost itself (a learned default direction per split);
// infinities are refused. Training runs round by round: progress per round, Cancel between rounds.
class XgboostModel final : public Estimator {
 public:
  struct Parameters {
    int nEstimators = 100;
    int maxDepth = 6;
    double learningRate = 0.3;
    double subsample = 1.0;
    double colsampleBytree = 1.0;
    double minChildWeight = 1.0;
    double regLambda = 1.0;
    int earlyStoppingRounds = 0;  // 0: off
    double validationFraction = 0.1;
    std::int64_t randomState = 0;
    int threads = 0;
  };

  // Validates `parameters` (unknown names and bad values are lathe::Error(InvalidArgument)).
  static std::unique_ptr<Estimator> create(const nlohmann::json& parameters);
  explicit XgboostModel(Parameters parameters) : parameters_(parameters) {}

  // The data early stopping watches (same features and classes as the training data).
  void setValidation(const TrainingData& validation);
  // Boosting rounds the fitted model keeps (the best round + 1 after early stopping).
  int rounds() const noexcept { return rounds_; }
  // Rounds actually trained (more than rounds() when early stopping went past the best).
  int roundsTrained() const noexcept { return roundsTrained_; }
  // The booster in XGBoost's own JSON format (for inspection and tests).
  std::string boosterJson() const;

  std::string algorithm() const override { return "xgboost"; }
  nlohmann::json parameters() const override;
  bool supports(Task task) const override { return task != Task::Clustering; }
  void fit(const TrainingData& data, const jobs::JobContext& context) override;
  std::vector<double> predict(const FeatureMatrix& x) const override;
  ClassProbabilities predictProba(const FeatureMatrix& x) const override;
  Prediction predictWithProbabilities(const FeatureMatrix& x) const override;
  std::vector<double> featureImportances() const override { return importances_; }
  void save(ModelWriter& out) const override;
  void load(ModelReader& in) override;
  std::unique_ptr<Estimator> clone() const override { return std::make_unique<XgboostModel>(parameters_); }

 private:
  std::vector<float> rawPredict(const FeatureMatrix& x) const;
  void computeImportances();
  // A copy of booster_ that predicts on one thread, for small batches (see rawPredict).
  void prepareSmallBatchBooster();

  Parameters parameters_;
  std::optional<TrainingData> validation_;
  Task task_ = Task::Regression;
  std::vector<std::string> classes_;
  std::vector<std::string> features_;
  std::vector<double> importances_;
  int rounds_ = 0;
  int roundsTrained_ = 0;
  XgboostBooster booster_;
  mutable std::mutex predictMutex_;  // one large prediction at a time: each uses every core
  // A few rows (a served request) on one thread without the lock: starting OpenMP's team costs
  // more than scoring them, and XGBoost (>= 1.4) predicts with tree boosters concurrently (its
  // prediction cache is per thread), so the server's workers score side by side.
  XgboostBooster smallBatchBooster_;
};

}  // namespace lathe::ml
