#pragma once
#include <cstddef>
#include <vector>

#include <Eigen/Dense>

#include "engine/ml/LogisticDesign.h"

namespace lathe::jobs {
class JobContext;
}

namespace lathe::ml {

// The optimisation behind LogisticRegression, on standardised features. The parameters are
// one column per output (one for binary, one per class for multinomial) of p weights then the
// intercept, flattened column-major. The objective is averaged over rows:
//   f = C/n * sum of log losses + 1/n * penalty,
// with the penalty weighted per feature so that it equals sklearn's on the original scale.
struct LogisticProblem {
  const LogisticDesign* x = nullptr;   // n x p, standardised
  const std::vector<int>* y = nullptr; // class index per row
  std::size_t outputs = 1;             // 1: binary (sigmoid), else softmax over outputs
  Eigen::VectorXd penaltyWeight;       // per feature
  double c = 1.0;
  bool fitIntercept = true;
};

class LinearLogisticSolver {
 public:
  // The smooth part (log loss plus, when `l2`, 1/2 sum weight_j w_j^2) and its gradient.
  static double smooth(const LogisticProblem& problem, const Eigen::VectorXd& theta, Eigen::VectorXd& gradient,
                       bool l2);
  // L-BFGS (memory 10, backtracking Armijo line search) until max |gradient| <= gtol; returns
  // the iterations made. Honours the stop token every iteration.
  static int lbfgs(const LogisticProblem& problem, Eigen::VectorXd& theta, bool l2, int maxIter, double gtol,
                   const jobs::JobContext& context);
  // FISTA with backtracking and restarts for the weighted L1 penalty sum weight_j |w_j|.
  static int fista(const LogisticProblem& problem, Eigen::VectorXd& theta, int maxIter, double tol,
                   const jobs::JobContext& context);
};

}  // namespace lathe::ml
