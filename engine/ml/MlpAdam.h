#pragma once
#include <vector>

#include <Eigen/Dense>

#include "engine/ml/MlpNetwork.h"

namespace lathe::ml {

// Adam, exactly as scikit-learn's AdamOptimizer: per batch t += 1,
// step = lr * sqrt(1 - beta2^t) / (1 - beta1^t), m = beta1 m + (1 - beta1) g,
// v = beta2 v + (1 - beta2) g^2, w -= step * m / (sqrt(v) + epsilon). State is preallocated.
class MlpAdam {
 public:
  MlpAdam(const MlpNetwork& network, double learningRate, double beta1, double beta2, double epsilon);
  void step(MlpNetwork& network, const MlpNetwork::Workspace& gradients);

 private:
  double learningRate_, beta1_, beta2_, epsilon_;
  double beta1Power_ = 1.0, beta2Power_ = 1.0;
  std::vector<Eigen::MatrixXd> weightMoments_, weightVariances_;
  std::vector<Eigen::RowVectorXd> biasMoments_, biasVariances_;
};

}  // namespace lathe::ml
