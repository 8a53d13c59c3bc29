#include "engine/ml/MlpAdam.h"

#include <cmath>

namespace lathe::ml {
namespace {

template <typename Value, typename Gradient, typename State>
void update(Value& value, const Gradient& gradient, State& moment, State& variance, double step, double beta1,
            double beta2, double epsilon) {
  moment = beta1 * moment + (1.0 - beta1) * gradient;
  variance = beta2 * variance + (1.0 - beta2) * gradient.cwiseAbs2();
  value.array() -= step * moment.array() / (variance.array().sqrt() + epsilon);
}

}  // namespace

MlpAdam::MlpAdam(const MlpNetwork& network, double learningRate, double beta1, double beta2, double epsilon)
    : learningRate_(learningRate), beta1_(beta1), beta2_(beta2), epsilon_(epsilon) {
  for (const auto& layer : network.layers()) {
    weightMoments_.push_back(Eigen::MatrixXd::Zero(layer.weights.rows(), layer.weights.cols()));
    weightVariances_.push_back(Eigen::MatrixXd::Zero(layer.weights.rows(), layer.weights.cols()));
    biasMoments_.push_back(Eigen::RowVectorXd::Zero(layer.bias.size()));
    biasVariances_.push_back(Eigen::RowVectorXd::Zero(layer.bias.size()));
  }
}

void MlpAdam::step(MlpNetwork& network, const MlpNetwork::Workspace& gradients) {
  beta1Power_ *= beta1_;
  beta2Power_ *= beta2_;
  const double step = learningRate_ * std::sqrt(1.0 - beta2Power_) / (1.0 - beta1Power_);
  auto& layers = network.layers();
  for (std::size_t l = 0; l < layers.size(); ++l) {
    update(layers[l].weights, gradients.weightGradients[l], weightMoments_[l], weightVariances_[l], step, beta1_,
           beta2_, epsilon_);
    update(layers[l].bias, gradients.biasGradients[l], biasMoments_[l], biasVariances_[l], step, beta1_, beta2_,
           epsilon_);
  }
}

}  // namespace lathe::ml
