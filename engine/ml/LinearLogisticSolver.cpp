#include "engine/ml/LinearLogisticSolver.h"

#include <algorithm>
#include <cmath>
#include <deque>

#include "engine/jobs/JobContext.h"

namespace lathe::ml {

namespace {

double softplus(double z) { return z > 0 ? z + std::log1p(std::exp(-z)) : std::log1p(std::exp(z)); }
double sigmoid(double z) {
  if (z >= 0) return 1.0 / (1.0 + std::exp(-z));
  const double e = std::exp(z);
  return e / (1.0 + e);
}

// Weighted L1 of the weights (never the intercepts).
double l1Penalty(const LogisticProblem& problem, const Eigen::VectorXd& theta) {
  const Eigen::Index p = problem.x->cols();
  double sum = 0;
  for (std::size_t k = 0; k < problem.outputs; ++k)
    for (Eigen::Index j = 0; j < p; ++j)
      sum += problem.penaltyWeight[j] * std::abs(theta[static_cast<Eigen::Index>(k) * (p + 1) + j]);
  return sum / static_cast<double>(problem.x->rows());
}

}  // namespace

double LinearLogisticSolver::smooth(const LogisticProblem& problem, const Eigen::VectorXd& theta,
                                    Eigen::VectorXd& gradient, bool l2) {
  const LogisticDesign& x = *problem.x;
  const auto& y = *problem.y;
  const Eigen::Index n = x.rows(), p = x.cols(), k = static_cast<Eigen::Index>(problem.outputs);
  const Eigen::Map<const Eigen::MatrixXd> w(theta.data(), p + 1, k);
  Eigen::MatrixXd z;
  x.scores(w, z);
  double loss = 0;
  if (k == 1) {
    for (Eigen::Index i = 0; i < n; ++i) {
      const double zi = z(i, 0);
      const double yi = y[static_cast<std::size_t>(i)] == 1 ? 1.0 : 0.0;
      loss += softplus(zi) - yi * zi;
      z(i, 0) = sigmoid(zi) - yi;  // becomes the residual
    }
  } else {
    for (Eigen::Index i = 0; i < n; ++i) {
      const double top = z.row(i).maxCoeff();
      double sum = 0;
      for (Eigen::Index c = 0; c < k; ++c) sum += std::exp(z(i, c) - top);
      const double lse = top + std::log(sum);
      loss += lse - z(i, y[static_cast<std::size_t>(i)]);
      for (Eigen::Index c = 0; c < k; ++c) z(i, c) = std::exp(z(i, c) - lse);
      z(i, y[static_cast<std::size_t>(i)]) -= 1.0;
    }
  }
  const double scale = problem.c / static_cast<double>(n);
  gradient.resize(theta.size());
  Eigen::Map<Eigen::MatrixXd> g(gradient.data(), p + 1, k);
  x.transposeTimes(z, scale, g.topRows(p));
  if (problem.fitIntercept) g.row(p) = scale * z.colwise().sum();
  else g.row(p).setZero();
  double value = scale * loss;
  if (l2) {
    const double inv = 1.0 / static_cast<double>(n);
    for (Eigen::Index c = 0; c < k; ++c)
      for (Eigen::Index j = 0; j < p; ++j) {
        value += 0.5 * inv * problem.penaltyWeight[j] * w(j, c) * w(j, c);
        g(j, c) += inv * problem.penaltyWeight[j] * w(j, c);
      }
  }
  return value;
}

int LinearLogisticSolver::lbfgs(const LogisticProblem& problem, Eigen::VectorXd& theta, bool l2, int maxIter,
                                double gtol, const jobs::JobContext& context) {
  constexpr std::size_t kMemory = 10;
  std::deque<Eigen::VectorXd> s, yv;
  std::deque<double> rho;
  Eigen::VectorXd g, gNew, thetaNew;
  double f = smooth(problem, theta, g, l2);
  int iter = 0;
  for (; iter < maxIter; ++iter) {
    if (g.lpNorm<Eigen::Infinity>() <= gtol) break;
    // Two-loop recursion for the direction.
    Eigen::VectorXd q = g;
    std::vector<double> alpha(s.size());
    for (std::size_t i = s.size(); i-- > 0;) {
      alpha[i] = rho[i] * s[i].dot(q);
      q -= alpha[i] * yv[i];
    }
    if (!s.empty()) q *= s.back().dot(yv.back()) / yv.back().squaredNorm();
    else q /= std::max(1.0, g.norm());
    for (std::size_t i = 0; i < s.size(); ++i) q += s[i] * (alpha[i] - rho[i] * yv[i].dot(q));
    Eigen::VectorXd d = -q;
    double slope = g.dot(d);
    if (!(slope < 0)) {  // not a descent direction: restart from steepest descent
      s.clear(), yv.clear(), rho.clear();
      d = -g / std::max(1.0, g.norm());
      slope = g.dot(d);
    }
    double step = 1.0, fNew = 0;
    bool accepted = false;
    for (int tries = 0; tries < 50; ++tries) {
      thetaNew = theta + step * d;
      fNew = smooth(problem, thetaNew, gNew, l2);
      if (std::isfinite(fNew) && fNew <= f + 1e-4 * step * slope) {
        accepted = true;
        break;
      }
      step *= 0.5;
    }
    if (!accepted) break;  // no decrease possible at double precision: converged as far as it goes
    Eigen::VectorXd sk = thetaNew - theta, yk = gNew - g;
    const double sy = sk.dot(yk);
    if (sy > 1e-12 * sk.norm() * yk.norm()) {
      s.push_back(std::move(sk));
      yv.push_back(std::move(yk));
      rho.push_back(1.0 / sy);
      if (s.size() > kMemory) s.pop_front(), yv.pop_front(), rho.pop_front();
    }
    const double decrease = f - fNew;
    theta.swap(thetaNew);
    g.swap(gNew);
    f = fNew;
    context.throwIfStopped();
    context.progress(static_cast<double>(iter + 1) / maxIter, "Fitting");
    if (decrease <= 0.0) {
      ++iter;
      break;
    }
  }
  return iter;
}

int LinearLogisticSolver::fista(const LogisticProblem& problem, Eigen::VectorXd& theta, int maxIter, double tol,
                                const jobs::JobContext& context) {
  const Eigen::Index p = problem.x->cols();
  const double inv = 1.0 / static_cast<double>(problem.x->rows());
  auto prox = [&](Eigen::VectorXd& v, double step) {
    for (std::size_t k = 0; k < problem.outputs; ++k)
      for (Eigen::Index j = 0; j < p; ++j) {
        double& w = v[static_cast<Eigen::Index>(k) * (p + 1) + j];
        const double t = step * inv * problem.penaltyWeight[j];
        w = std::copysign(std::max(std::abs(w) - t, 0.0), w);
      }
  };
  Eigen::VectorXd yk = theta, g, gx, next;
  double t = 1.0, step = 1.0;
  double objective = smooth(problem, theta, gx, false) + l1Penalty(problem, theta);
  int iter = 0;
  for (; iter < maxIter; ++iter) {
    const double fy = smooth(problem, yk, g, false);
    for (int tries = 0; tries < 60; ++tries) {
      next = yk - step * g;
      prox(next, step);
      const Eigen::VectorXd diff = next - yk;
      const double fNext = smooth(problem, next, gx, false);
      if (fNext <= fy + g.dot(diff) + 0.5 / step * diff.squaredNorm() + 1e-15 * std::abs(fy)) break;
      step *= 0.5;
    }
    const double objNext = smooth(problem, next, gx, false) + l1Penalty(problem, next);
    const double change = (next - theta).lpNorm<Eigen::Infinity>();
    if (objNext > objective) {  // adaptive restart: drop the momentum
      t = 1.0;
      yk = theta;
      step *= 2.0;
      context.throwIfStopped();
      continue;
    }
    const double tNext = 0.5 * (1.0 + std::sqrt(1.0 + 4.0 * t * t));
    yk = next + ((t - 1.0) / tNext) * (next - theta);
    t = tNext;
    theta = next;
    objective = objNext;
    step *= 1.1;  // let the step grow back
    context.throwIfStopped();
    context.progress(static_cast<double>(iter + 1) / maxIter, "Fitting");
    if (change <= tol * 1e-3 * std::max(1.0, theta.lpNorm<Eigen::Infinity>())) {
      ++iter;
      break;
    }
  }
  return iter;
}

}  // namespace lathe::ml
