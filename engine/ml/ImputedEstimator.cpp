#include "engine/ml/ImputedEstimator.h"

namespace lathe::ml {

ImputedEstimator::ImputedEstimator(std::unique_ptr<Estimator> inner) : inner_(std::move(inner)) {}

nlohmann::json ImputedEstimator::parameters() const {
  nlohmann::json out = inner_->parameters();
  out[kParameter] = kMedian;
  return out;
}

void ImputedEstimator::fit(const TrainingData& data, const jobs::JobContext& context) {
  MissingValueImputer imputer;
  imputer.fit(data);
  if (!data.x.hasMissing()) {
    inner_->fit(data, context);
  } else {
    TrainingData filled{imputer.filled(data.x), data.y, data.task, data.classes, data.target, data.origins};
    inner_->fit(filled, context);
  }
  imputer_ = std::move(imputer);
}

std::vector<double> ImputedEstimator::predict(const FeatureMatrix& x) const {
  return x.hasMissing() ? inner_->predict(imputer_.filled(x)) : inner_->predict(x);
}

ClassProbabilities ImputedEstimator::predictProba(const FeatureMatrix& x) const {
  return x.hasMissing() ? inner_->predictProba(imputer_.filled(x)) : inner_->predictProba(x);
}

Estimator::Prediction ImputedEstimator::predictWithProbabilities(const FeatureMatrix& x) const {
  return x.hasMissing() ? inner_->predictWithProbabilities(imputer_.filled(x)) : inner_->predictWithProbabilities(x);
}

void ImputedEstimator::save(ModelWriter& out) const {
  imputer_.save(out);
  inner_->save(out);
}

void ImputedEstimator::load(ModelReader& in) {
  MissingValueImputer imputer;
  imputer.load(in);
  inner_->load(in);
  imputer_ = std::move(imputer);
}

std::unique_ptr<Estimator> ImputedEstimator::clone() const {
  return std::make_unique<ImputedEstimator>(inner_->clone());
}

}  // namespace lathe::ml
