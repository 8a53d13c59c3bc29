#pragma once
#include <memory>
#include <string>
#include <vector>

#include "engine/ml/Estimator.h"
#include "engine/ml/TreeParameters.h"
#include "engine/ml/TreeStructure.h"

namespace lathe::ml {

// "tree": a CART decision tree for classification (criterion gini or entropy) and regression
// (squared_error), scikit-learn's DecisionTreeClassifier/Regressor. Parameters and defaults as
// scikit-learn's: criterion (auto: gini | squared_error), max_depth (null), min_samples_split (2),
// min_samples_leaf (1), max_features (auto = all), random_state (0; scikit-learn's is None).
// Features are binned once (BinnedFeatures): with at most 255 distinct values per feature the
// tree is scikit-learn's exactly (same thresholds, same nodes, ties apart); with more, splits fall
// on quantile edges. Missing values (NaN) are handled inside: they go to the side that gains
// most (as scikit-learn 1.3 does). Infinite values are refused. Categories: codes or one-hot.
class DecisionTree final : public Estimator {
 public:
  explicit DecisionTree(TreeParameters parameters = {}) : parameters_(std::move(parameters)) {}
  // The registry's factory: validates the JSON parameters.
  static std::unique_ptr<Estimator> create(const nlohmann::json& parameters);

  std::string algorithm() const override { return "tree"; }
  nlohmann::json parameters() const override;
  bool supports(Task task) const override { return task != Task::Clustering; }
  void fit(const TrainingData& data, const jobs::JobContext& context) override;
  std::vector<double> predict(const FeatureMatrix& x) const override;
  ClassProbabilities predictProba(const FeatureMatrix& x) const override;
  std::vector<double> featureImportances() const override { return importances_; }
  void save(ModelWriter& out) const override;
  void load(ModelReader& in) override;
  std::unique_ptr<Estimator> clone() const override { return std::make_unique<DecisionTree>(parameters_); }

  // The fitted tree, for drawing (empty before fit).
  const TreeStructure& structure() const noexcept { return tree_; }
  Task task() const noexcept { return task_; }
  const std::vector<std::string>& classes() const noexcept { return classes_; }
  const std::vector<std::string>& featureNames() const noexcept { return features_; }

 private:
  TreeParameters parameters_;
  Task task_ = Task::Regression;
  std::vector<std::string> features_;
  std::vector<std::string> classes_;
  std::vector<double> importances_;
  TreeStructure tree_;
};

}  // namespace lathe::ml
