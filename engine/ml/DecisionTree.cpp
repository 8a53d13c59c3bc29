#include "engine/ml/DecisionTree.h"

#include <numeric>

#include "engine/core/Error.h"
#include "engine/jobs/JobContext.h"
#include "engine/ml/BinnedFeatures.h"
#include "engine/ml/ModelFile.h"
#include "engine/ml/TreeBuilder.h"
#include "engine/ml/TreeInputs.h"
#include "engine/ml/TreeModelState.h"

namespace lathe::ml {

std::unique_ptr<Estimator> DecisionTree::create(const nlohmann::json& parameters) {
  nlohmann::json rest = parameters;
  TreeParameters p = TreeParameters::read("tree", rest);
  refuseUnknownParameters("tree", rest);
  return std::make_unique<DecisionTree>(std::move(p));
}

nlohmann::json DecisionTree::parameters() const {
  nlohmann::json out = nlohmann::json::object();
  parameters_.write(out);
  return out;
}

void DecisionTree::fit(const TrainingData& data, const jobs::JobContext& context) {
  TreeInputs::checkTraining("tree", data);
  const TreeSettings settings = parameters_.settingsFor("tree", data.task, data.x.cols(), false);
  context.progress(0.0, "Binning features");
  const BinnedFeatures bins = BinnedFeatures::build(data.x, BinnedFeatures::kMaxValueBins, 1, &context);
  const std::size_t classes = isClassification(data.task) ? data.classCount() : 0;
  const TreeBuilder builder(bins, data.y, classes, settings);
  std::vector<std::uint32_t> rows(data.x.rows());
  std::iota(rows.begin(), rows.end(), std::uint32_t{0});
  TreeStructure tree = builder.build(std::move(rows), {}, parameters_.randomState, context.subRange(0.1, 1.0), true);
  importances_ = TreeBuilder::importances(tree, data.x.cols());
  tree_ = std::move(tree);
  task_ = data.task;
  features_ = data.x.names();
  classes_ = data.classes;
}

std::vector<double> DecisionTree::predict(const FeatureMatrix& x) const {
  TreeInputs::checkPredict("tree", x, features_, !tree_.nodes.empty());
  std::vector<double> out(x.rows());
  for (std::size_t r = 0; r < x.rows(); ++r) {
    const auto value = tree_.value(tree_.leafOf(x, r));
    out[r] = isClassification(task_) ? static_cast<double>(std::max_element(value.begin(), value.end()) - value.begin())
                                     : value[0];
  }
  return out;
}

ClassProbabilities DecisionTree::predictProba(const FeatureMatrix& x) const {
  TreeInputs::checkPredict("tree", x, features_, !tree_.nodes.empty());
  if (!isClassification(task_)) throw Error(ErrorCode::Unsupported, "tree: class probabilities need a classification model");
  ClassProbabilities out{x.rows(), classes_.size(), std::vector<double>(x.rows() * classes_.size())};
  for (std::size_t r = 0; r < x.rows(); ++r) {
    const auto value = tree_.value(tree_.leafOf(x, r));
    std::copy(value.begin(), value.end(), out.values.begin() + static_cast<std::ptrdiff_t>(r * classes_.size()));
  }
  return out;
}

void DecisionTree::save(ModelWriter& out) const {
  TreeModelState{task_, features_, classes_, importances_}.write(out);
  tree_.write(out);
}

void DecisionTree::load(ModelReader& in) {
  TreeModelState state = TreeModelState::read(in);
  TreeStructure tree = TreeStructure::read(in, state.features.size(), state.valueSize());
  task_ = state.task;
  features_ = std::move(state.features);
  classes_ = std::move(state.classes);
  importances_ = std::move(state.importances);
  tree_ = std::move(tree);
}

}  // namespace lathe::ml
