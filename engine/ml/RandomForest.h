#pragma once
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "engine/ml/CompactTrees.h"
#include "engine/ml/Estimator.h"
#include "engine/ml/TreeParameters.h"
#include "engine/ml/TreeStructure.h"

namespace lathe::ml {

// "forest": a random forest for classification and regression, scikit-learn's
// RandomForestClassifier/Regressor. Parameters and defaults as scikit-learn's: n_estimators
// (100), criterion (auto: gini | squared_error), max_depth (null), min_samples_split (2),
// min_samples_leaf (1), max_features (auto: sqrt for classification, all for regression),
// bootstrap (true), oob_score (false), random_state (0; scikit-learn's is None) and n_jobs
// (0 = every core; scikit-learn's None is one). Features are binned once for all trees
// (BinnedFeatures), trees grow on n_jobs threads, each from its own seed, so the forest is the
// same whatever the thread count. Missing values (NaN) are handled inside, as DecisionTree;
// infinite values are refused. Probabilities are the mean of the trees' leaf class shares.
class RandomForest final : public Estimator {
 public:
  struct Parameters {
    TreeParameters tree;
    std::size_t nEstimators = 100;
    bool bootstrap = true;
    bool oobScore = false;
    int threads = 0;
  };
  RandomForest();
  explicit RandomForest(Parameters parameters) : parameters_(std::move(parameters)) {}
  static std::unique_ptr<Estimator> create(const nlohmann::json& parameters);

  std::string algorithm() const override { return "forest"; }
  nlohmann::json parameters() const override;
  bool supports(Task task) const override { return task != Task::Clustering; }
  void fit(const TrainingData& data, const jobs::JobContext& context) override;
  std::vector<double> predict(const FeatureMatrix& x) const override;
  ClassProbabilities predictProba(const FeatureMatrix& x) const override;
  std::vector<double> featureImportances() const override { return importances_; }
  void save(ModelWriter& out) const override;
  void load(ModelReader& in) override;
  std::unique_ptr<Estimator> clone() const override { return std::make_unique<RandomForest>(parameters_); }

  // Out-of-bag accuracy (classification) or R² (regression) over the rows some tree left out;
  // empty unless fitted with oob_score and bootstrap.
  std::optional<double> oobScore() const noexcept { return oobScore_; }
  const std::vector<TreeStructure>& trees() const noexcept { return trees_; }
  Task task() const noexcept { return task_; }

 private:
  // Sum over trees of the leaf values each row reaches: rows x valueSize.
  std::vector<double> leafValueSums(const FeatureMatrix& x) const;

  Parameters parameters_;
  Task task_ = Task::Regression;
  std::vector<std::string> features_;
  std::vector<std::string> classes_;
  std::vector<double> importances_;
  std::vector<TreeStructure> trees_;
  CompactTrees compact_;  // trees_ again, laid out for prediction
  std::optional<double> oobScore_;
};

}  // namespace lathe::ml
