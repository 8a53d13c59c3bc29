#include "engine/ml/MlpNetwork.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>

#include "engine/core/Error.h"
#include "engine/ml/MlpRandom.h"
#include "engine/ml/ModelFile.h"

namespace lathe::ml {

MlpNetwork::MlpNetwork(const std::vector<std::size_t>& sizes, Output output, MlpRandom& random) : output_(output) {
  for (std::size_t l = 0; l + 1 < sizes.size(); ++l) {
    const auto fanIn = static_cast<Eigen::Index>(sizes[l]), fanOut = static_cast<Eigen::Index>(sizes[l + 1]);
    const double bound = std::sqrt(6.0 / static_cast<double>(fanIn + fanOut));
    Layer layer{Eigen::MatrixXd(fanIn, fanOut), Eigen::RowVectorXd(fanOut)};
    for (Eigen::Index i = 0; i < fanIn; ++i)  // row by row, as numpy fills (fan_in, fan_out)
      for (Eigen::Index j = 0; j < fanOut; ++j) layer.weights(i, j) = random.uniform(-bound, bound);
    for (Eigen::Index j = 0; j < fanOut; ++j) layer.bias(j) = random.uniform(-bound, bound);
    layers_.push_back(std::move(layer));
  }
}

MlpNetwork::Workspace MlpNetwork::workspace(std::size_t batchRows) const {
  Workspace work;
  const auto rows = static_cast<Eigen::Index>(batchRows);
  for (const auto& layer : layers_) {
    work.activations.emplace_back(rows, layer.weights.cols());
    work.deltas.emplace_back(rows, layer.weights.cols());
    work.weightGradients.emplace_back(layer.weights.rows(), layer.weights.cols());
    work.biasGradients.emplace_back(layer.weights.cols());
  }
  return work;
}

void MlpNetwork::forward(const Eigen::MatrixXd& input, Eigen::Index rows, Workspace& work) const {
  for (std::size_t l = 0; l < layers_.size(); ++l) {
    auto z = work.activations[l].topRows(rows);
    if (l == 0)
      z.noalias() = input.topRows(rows) * layers_[l].weights;
    else
      z.noalias() = work.activations[l - 1].topRows(rows) * layers_[l].weights;
    z.rowwise() += layers_[l].bias;
    if (l + 1 < layers_.size()) {
      z = z.cwiseMax(0.0);
    } else if (output_ == Output::Logistic) {
      z.array() = (1.0 + (-z.array()).exp()).inverse();
    } else if (output_ == Output::Softmax) {
      for (Eigen::Index r = 0; r < rows; ++r) {
        auto row = z.row(r);
        row.array() = (row.array() - row.maxCoeff()).exp();
        row /= row.sum();
      }
    }
  }
}

double MlpNetwork::backward(const Eigen::MatrixXd& input, const Eigen::MatrixXd& targets, Eigen::Index rows,
                            double alpha, Workspace& work) const {
  const std::size_t last = layers_.size() - 1;
  const auto out = work.activations[last].topRows(rows);
  const auto y = targets.topRows(rows);
  const double n = static_cast<double>(rows);
  double loss = 0;
  if (output_ == Output::Identity) {
    loss = (y - out).squaredNorm() / static_cast<double>(out.size()) / 2.0;
  } else {
    // sklearn clips probabilities to [eps, 1 - eps] before the logarithm.
    constexpr double eps = std::numeric_limits<double>::epsilon();
    for (Eigen::Index c = 0; c < out.cols(); ++c)
      for (Eigen::Index r = 0; r < rows; ++r) {
        const double p = std::clamp(out(r, c), eps, 1.0 - eps), t = y(r, c);
        if (t != 0) loss -= t * std::log(p);
        if (output_ == Output::Logistic && t != 1) loss -= (1 - t) * std::log(1 - p);
      }
    loss /= n;
  }
  double squares = 0;
  for (const auto& layer : layers_) squares += layer.weights.squaredNorm();
  loss += 0.5 * alpha * squares / n;

  // Every output/loss pair here has the same delta: prediction minus target.
  work.deltas[last].topRows(rows) = out - y;
  for (std::size_t l = last + 1; l-- > 0;) {
    const auto delta = work.deltas[l].topRows(rows);
    auto& gradient = work.weightGradients[l];
    if (l == 0)
      gradient.noalias() = input.topRows(rows).transpose() * delta;
    else
      gradient.noalias() = work.activations[l - 1].topRows(rows).transpose() * delta;
    gradient = (gradient + alpha * layers_[l].weights) / n;
    work.biasGradients[l] = delta.colwise().sum() / n;
    if (l > 0) {
      auto previous = work.deltas[l - 1].topRows(rows);
      previous.noalias() = delta * layers_[l].weights.transpose();
      // ReLU's derivative: nothing flows back through a unit that was off.
      previous = (work.activations[l - 1].topRows(rows).array() > 0.0).select(previous, 0.0);
    }
  }
  return loss;
}

Eigen::MatrixXd MlpNetwork::predict(const Eigen::Ref<const Eigen::MatrixXd>& x) const {
  constexpr Eigen::Index kBlock = 1024;
  Eigen::MatrixXd result(x.rows(), static_cast<Eigen::Index>(outputs()));
  Workspace work = workspace(static_cast<std::size_t>(std::min<Eigen::Index>(kBlock, std::max<Eigen::Index>(x.rows(), 1))));
  Eigen::MatrixXd block(std::min<Eigen::Index>(kBlock, x.rows()), x.cols());
  for (Eigen::Index first = 0; first < x.rows(); first += kBlock) {
    const Eigen::Index rows = std::min(kBlock, x.rows() - first);
    block.topRows(rows) = x.middleRows(first, rows);
    forward(block, rows, work);
    result.middleRows(first, rows) = work.activations.back().topRows(rows);
  }
  return result;
}

void MlpNetwork::save(ModelWriter& out) const {
  out.u32(static_cast<std::uint32_t>(output_));
  out.u64(layers_.size());
  for (const auto& layer : layers_) {
    out.u64(static_cast<std::uint64_t>(layer.weights.rows()));
    out.u64(static_cast<std::uint64_t>(layer.weights.cols()));
    out.f64s(std::vector<double>(layer.weights.data(), layer.weights.data() + layer.weights.size()));
    out.f64s(std::vector<double>(layer.bias.data(), layer.bias.data() + layer.bias.size()));
  }
}

void MlpNetwork::load(ModelReader& in, const std::vector<std::size_t>& sizes, Output output) {
  const auto fail = [](const std::string& what, std::size_t at) {
    return Error(ErrorCode::Parse, "model file (mlp): " + what, ErrorLocation{{}, -1, -1, static_cast<std::int64_t>(at)});
  };
  std::size_t at = in.offset();
  if (in.u32() != static_cast<std::uint32_t>(output)) throw fail("the output layer does not match the task", at);
  at = in.offset();
  const std::uint64_t count = in.u64();
  if (count + 1 != sizes.size()) throw fail("expected " + std::to_string(sizes.size() - 1) + " layers, found " +
                                            std::to_string(count), at);
  std::vector<Layer> layers;
  for (std::size_t l = 0; l < count; ++l) {
    at = in.offset();
    const std::uint64_t fanIn = in.u64(), fanOut = in.u64();
    if (fanIn != sizes[l] || fanOut != sizes[l + 1])
      throw fail("layer " + std::to_string(l + 1) + " is " + std::to_string(fanIn) + " x " + std::to_string(fanOut) +
                     ", expected " + std::to_string(sizes[l]) + " x " + std::to_string(sizes[l + 1]), at);
    at = in.offset();
    const auto weights = in.f64s();  // bounds-checked against the bytes left before allocating
    const auto bias = in.f64s();
    if (weights.size() != fanIn * fanOut || bias.size() != fanOut)
      throw fail("layer " + std::to_string(l + 1) + " holds the wrong number of weights", at);
    if (!std::all_of(weights.begin(), weights.end(), [](double v) { return std::isfinite(v); }) ||
        !std::all_of(bias.begin(), bias.end(), [](double v) { return std::isfinite(v); }))
      throw fail("layer " + std::to_string(l + 1) + " holds a weight that is not finite", at);
    Layer layer{Eigen::Map<const Eigen::MatrixXd>(weights.data(), static_cast<Eigen::Index>(fanIn),
                                                  static_cast<Eigen::Index>(fanOut)),
                Eigen::Map<const Eigen::RowVectorXd>(bias.data(), static_cast<Eigen::Index>(fanOut))};
    layers.push_back(std::move(layer));
  }
  layers_ = std::move(layers);
  output_ = output;
}

}  // namespace lathe::ml
