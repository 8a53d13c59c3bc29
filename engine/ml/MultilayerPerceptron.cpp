#include "engine/ml/MultilayerPerceptron.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

#include "engine/core/Error.h"
#include "engine/jobs/JobContext.h"
#include "engine/ml/MlpAdam.h"
#include "engine/ml/MlpNetwork.h"
#include "engine/ml/MlpParameterReader.h"
#include "engine/ml/MlpRandom.h"
#include "engine/ml/ModelFile.h"

namespace lathe::ml {
namespace {

constexpr std::uint64_t kMaxWeights = 50'000'000;  // 400 MB of weights, 1.2 GB with Adam's state
constexpr std::uint64_t kMaxClasses = 1u << 16;

Error invalid(const std::string& message) { return Error(ErrorCode::InvalidArgument, "mlp: " + message); }

// Rows held out for early stopping: ceil(fraction * n), stratified by class for classifiers.
std::vector<std::size_t> validationRows(const TrainingData& data, double fraction, MlpRandom& random) {
  const std::size_t n = data.x.rows();
  const auto wanted = static_cast<std::size_t>(std::ceil(fraction * static_cast<double>(n)));
  if (wanted < 1 || wanted >= n)
    throw invalid("early_stopping needs a validation set: " + std::to_string(n) + " rows and validation_fraction " +
                  std::to_string(fraction) + " leave none to train or to validate on");
  const std::size_t groups = isClassification(data.task) ? data.classCount() : 1;
  std::vector<std::vector<std::size_t>> members(groups);
  for (std::size_t r = 0; r < n; ++r) members[groups == 1 ? 0 : static_cast<std::size_t>(data.y[r])].push_back(r);
  // Each group's share, rounded down, then the remainder to the largest fractional parts.
  std::vector<std::size_t> take(groups);
  std::vector<std::pair<double, std::size_t>> remainders;
  std::size_t taken = 0;
  for (std::size_t g = 0; g < groups; ++g) {
    const double exact = static_cast<double>(members[g].size()) * static_cast<double>(wanted) / static_cast<double>(n);
    take[g] = static_cast<std::size_t>(exact);
    taken += take[g];
    remainders.emplace_back(-(exact - static_cast<double>(take[g])), g);
  }
  std::sort(remainders.begin(), remainders.end());
  for (std::size_t i = 0; taken < wanted && i < remainders.size(); ++i, ++taken) ++take[remainders[i].second];
  std::vector<std::size_t> out;
  for (std::size_t g = 0; g < groups; ++g) {
    random.shuffle(members[g]);
    out.insert(out.end(), members[g].begin(), members[g].begin() + static_cast<std::ptrdiff_t>(take[g]));
  }
  std::sort(out.begin(), out.end());
  return out;
}

// Accuracy (classifiers) or R^2 (regression, sklearn's r2_score with force_finite).
double score(const Eigen::MatrixXd& out, const std::vector<double>& y, MlpNetwork::Output output) {
  const auto n = static_cast<Eigen::Index>(y.size());
  if (output == MlpNetwork::Output::Identity) {
    const double mean = std::accumulate(y.begin(), y.end(), 0.0) / static_cast<double>(n);
    double residual = 0, total = 0;
    for (Eigen::Index r = 0; r < n; ++r) {
      residual += (y[r] - out(r, 0)) * (y[r] - out(r, 0));
      total += (y[r] - mean) * (y[r] - mean);
    }
    return total == 0 ? (residual == 0 ? 1.0 : 0.0) : 1.0 - residual / total;
  }
  std::size_t right = 0;
  for (Eigen::Index r = 0; r < n; ++r) {
    Eigen::Index best = 0;
    if (output == MlpNetwork::Output::Logistic)
      best = out(r, 0) > 0.5 ? 1 : 0;
    else
      out.row(r).maxCoeff(&best);
    right += static_cast<double>(best) == y[r];
  }
  return static_cast<double>(right) / static_cast<double>(n);
}

}  // namespace

MultilayerPerceptron::MultilayerPerceptron() : parameters_(Parameters{}) {}
MultilayerPerceptron::MultilayerPerceptron(Parameters parameters) : parameters_(std::move(parameters)) {}
MultilayerPerceptron::MultilayerPerceptron(const MultilayerPerceptron& other)
    : parameters_(other.parameters_),
      task_(other.task_),
      classes_(other.classes_),
      scaler_(other.scaler_),
      targetMean_(other.targetMean_),
      targetScale_(other.targetScale_),
      network_(other.network_ ? std::make_unique<MlpNetwork>(*other.network_) : nullptr),
      lossCurve_(other.lossCurve_),
      validationScores_(other.validationScores_) {}
MultilayerPerceptron::~MultilayerPerceptron() = default;

std::unique_ptr<Estimator> MultilayerPerceptron::create(const nlohmann::json& json) {
  const MlpParameterReader read(
      "mlp", json,
      {"hidden_layer_sizes", "alpha", "batch_size", "learning_rate_init", "beta_1", "beta_2", "epsilon", "max_iter",
       "tol", "early_stopping", "validation_fraction", "n_iter_no_change", "shuffle", "random_state", "scale"});
  Parameters p;
  p.hiddenLayers.clear();
  for (auto size : read.integers("hidden_layer_sizes", {100}, 64, 1, 100000))
    p.hiddenLayers.push_back(static_cast<std::size_t>(size));
  p.alpha = read.number("alpha", 1e-4, 0.0, 1e6);
  const bool autoBatch = json.is_object() && json.contains("batch_size") && json.at("batch_size") == "auto";
  p.batchSize = autoBatch ? 0 : static_cast<std::size_t>(read.integer("batch_size", 0, 0, 10'000'000));
  p.learningRate = read.number("learning_rate_init", 1e-3, 1e-12, 10.0);
  p.beta1 = read.number("beta_1", 0.9, 0.0, 0.999999999);
  p.beta2 = read.number("beta_2", 0.999, 0.0, 0.999999999);
  p.epsilon = read.number("epsilon", 1e-8, 1e-300, 1.0);
  p.maxIter = static_cast<int>(read.integer("max_iter", 200, 1, 1'000'000));
  p.tol = read.number("tol", 1e-4, 0.0, 1e6);
  p.earlyStopping = read.boolean("early_stopping", false);
  p.validationFraction = read.number("validation_fraction", 0.1, 1e-6, 0.999);
  p.noChangeEpochs = static_cast<int>(read.integer("n_iter_no_change", 10, 1, 1'000'000));
  p.shuffle = read.boolean("shuffle", true);
  p.randomState = static_cast<std::uint64_t>(read.integer("random_state", 0, 0, std::int64_t{1} << 53));
  p.scale = read.boolean("scale", true);
  return std::make_unique<MultilayerPerceptron>(std::move(p));
}

nlohmann::json MultilayerPerceptron::parameters() const {
  const auto& p = parameters_;
  return {{"hidden_layer_sizes", p.hiddenLayers},
          {"alpha", p.alpha},
          {"batch_size", p.batchSize == 0 ? nlohmann::json("auto") : nlohmann::json(p.batchSize)},
          {"learning_rate_init", p.learningRate},
          {"beta_1", p.beta1},
          {"beta_2", p.beta2},
          {"epsilon", p.epsilon},
          {"max_iter", p.maxIter},
          {"tol", p.tol},
          {"early_stopping", p.earlyStopping},
          {"validation_fraction", p.validationFraction},
          {"n_iter_no_change", p.noChangeEpochs},
          {"shuffle", p.shuffle},
          {"random_state", p.randomState},
          {"scale", p.scale}};
}

std::vector<std::size_t> MultilayerPerceptron::layerSizes(std::size_t features, std::size_t outputs) const {
  std::vector<std::size_t> sizes{features};
  sizes.insert(sizes.end(), parameters_.hiddenLayers.begin(), parameters_.hiddenLayers.end());
  sizes.push_back(outputs);
  std::uint64_t weights = 0;
  for (std::size_t l = 0; l + 1 < sizes.size(); ++l) {
    weights += (static_cast<std::uint64_t>(sizes[l]) + 1) * sizes[l + 1];
    if (weights > kMaxWeights)
      throw invalid("the network would have more than " + std::to_string(kMaxWeights) +
                    " weights; use fewer or smaller hidden layers (or fewer features)");
  }
  return sizes;
}

void MultilayerPerceptron::fit(const TrainingData& data, const jobs::JobContext& context) {
  context.throwIfStopped();
  if (!supports(data.task)) throw invalid("cannot learn clustering; it needs a target to predict");
  const FeatureMatrix& x = data.x;
  const std::size_t n = x.rows(), d = x.cols();
  if (n == 0) throw invalid("there are no rows to learn from");
  if (d == 0) throw invalid("there are no feature columns to learn from");
  if (data.y.size() != n)
    throw invalid("the target has " + std::to_string(data.y.size()) + " values for " + std::to_string(n) + " rows");
  MlpInputScaler::requireFinite(x, "mlp");
  const bool classify = isClassification(data.task);
  if (classify) {
    if (data.classCount() < 2 || data.classCount() > kMaxClasses)
      throw invalid("the target has " + std::to_string(data.classCount()) + " classes; a classifier needs 2 to " +
                    std::to_string(kMaxClasses));
    std::vector<bool> seen(data.classCount(), false);
    for (double v : data.y) {
      if (!(v >= 0) || v >= static_cast<double>(data.classCount()) || v != std::floor(v))
        throw invalid("the target holds a class index out of range");
      seen[static_cast<std::size_t>(v)] = true;
    }
    if (std::count(seen.begin(), seen.end(), true) < 2)
      throw invalid("the target has one class only in these rows; a classifier needs at least two");
  } else {
    for (std::size_t r = 0; r < n; ++r)
      if (!std::isfinite(data.y[r]))
        throw invalid("the target '" + data.target + "' has a missing or infinite value at row " + std::to_string(r + 1));
  }
  const auto output = !classify ? MlpNetwork::Output::Identity
                                : data.classCount() == 2 ? MlpNetwork::Output::Logistic : MlpNetwork::Output::Softmax;
  const std::size_t outputs = output == MlpNetwork::Output::Softmax ? data.classCount() : 1;
  const auto sizes = layerSizes(d, outputs);

  MlpInputScaler scaler;
  scaler.fit(x, parameters_.scale);
  const auto values = scaler.columnMajor(x, "mlp");
  const Eigen::Map<const Eigen::MatrixXd> all(values.data(), static_cast<Eigen::Index>(n), static_cast<Eigen::Index>(d));
  // A regression target in the hundreds would need thousands of epochs at sklearn's rate;
  // standardised, the default 200 reach the same fit (predictions are scaled back).
  double targetMean = 0.0, targetScale = 1.0;
  if (!classify && parameters_.scale) {
    for (double v : data.y) targetMean += v;
    targetMean /= static_cast<double>(n);
    double squares = 0.0;
    for (double v : data.y) squares += (v - targetMean) * (v - targetMean);
    const double deviation = std::sqrt(squares / static_cast<double>(n));
    if (!std::isfinite(targetMean) || !std::isfinite(deviation))
      throw invalid("the target '" + data.target + "' spans too wide a range to learn from (its variance overflows)");
    targetScale = deviation > 0.0 ? deviation : 1.0;
  }
  Eigen::MatrixXd targets = Eigen::MatrixXd::Zero(static_cast<Eigen::Index>(n), static_cast<Eigen::Index>(outputs));
  for (std::size_t r = 0; r < n; ++r) {
    const auto row = static_cast<Eigen::Index>(r);
    if (output == MlpNetwork::Output::Softmax)
      targets(row, static_cast<Eigen::Index>(data.y[r])) = 1.0;
    else if (classify)
      targets(row, 0) = data.y[r];
    else
      targets(row, 0) = (data.y[r] - targetMean) / targetScale;
  }

  MlpRandom random(parameters_.randomState);
  MlpNetwork network(sizes, output, random);
  std::vector<std::size_t> order(n);
  std::iota(order.begin(), order.end(), 0);
  Eigen::MatrixXd validationX;
  std::vector<double> validationY;
  if (parameters_.earlyStopping) {
    const auto held = validationRows(data, parameters_.validationFraction, random);
    validationX.resize(static_cast<Eigen::Index>(held.size()), static_cast<Eigen::Index>(d));
    for (std::size_t i = 0; i < held.size(); ++i) {
      validationX.row(static_cast<Eigen::Index>(i)) = all.row(static_cast<Eigen::Index>(held[i]));
      validationY.push_back(classify ? data.y[held[i]] : (data.y[held[i]] - targetMean) / targetScale);
    }
    std::vector<bool> isHeld(n, false);
    for (std::size_t r : held) isHeld[r] = true;
    std::erase_if(order, [&](std::size_t r) { return isHeld[r]; });
  }
  const std::size_t trainRows = order.size();
  const std::size_t batch = parameters_.batchSize == 0 ? std::min<std::size_t>(200, trainRows)
                                                       : std::clamp<std::size_t>(parameters_.batchSize, 1, trainRows);
  auto work = network.workspace(batch);
  Eigen::MatrixXd batchX(static_cast<Eigen::Index>(batch), static_cast<Eigen::Index>(d));
  Eigen::MatrixXd batchY(static_cast<Eigen::Index>(batch), static_cast<Eigen::Index>(outputs));
  MlpAdam adam(network, parameters_.learningRate, parameters_.beta1, parameters_.beta2, parameters_.epsilon);

  std::vector<double> losses, scores;
  double bestLoss = std::numeric_limits<double>::infinity(), bestScore = -std::numeric_limits<double>::infinity();
  int noImprovement = 0;
  MlpNetwork best = network;
  for (int epoch = 0; epoch < parameters_.maxIter; ++epoch) {
    if (parameters_.shuffle) random.shuffle(order);
    double accumulated = 0;
    for (std::size_t first = 0; first < trainRows; first += batch) {
      context.throwIfStopped();
      const std::size_t m = std::min(batch, trainRows - first);
      for (Eigen::Index c = 0; c < batchX.cols(); ++c)
        for (std::size_t i = 0; i < m; ++i) batchX(static_cast<Eigen::Index>(i), c) = all(static_cast<Eigen::Index>(order[first + i]), c);
      for (Eigen::Index c = 0; c < batchY.cols(); ++c)
        for (std::size_t i = 0; i < m; ++i)
          batchY(static_cast<Eigen::Index>(i), c) = targets(static_cast<Eigen::Index>(order[first + i]), c);
      const auto rows = static_cast<Eigen::Index>(m);
      network.forward(batchX, rows, work);
      const double loss = network.backward(batchX, batchY, rows, parameters_.alpha, work);
      if (!std::isfinite(loss))
        throw invalid("training diverged (the loss is not finite at epoch " + std::to_string(epoch + 1) +
                      "); lower learning_rate_init or scale the target");
      adam.step(network, work);
      accumulated += loss * static_cast<double>(m);
    }
    losses.push_back(accumulated / static_cast<double>(trainRows));
    context.point("loss", epoch + 1, losses.back());
    if (parameters_.earlyStopping) {
      scores.push_back(score(network.predict(validationX), validationY, output));
      noImprovement = scores.back() < bestScore + parameters_.tol ? noImprovement + 1 : 0;
      if (scores.back() > bestScore) {
        bestScore = scores.back();
        best = network;
      }
    } else {
      noImprovement = losses.back() > bestLoss - parameters_.tol ? noImprovement + 1 : 0;
      bestLoss = std::min(bestLoss, losses.back());
    }
    context.progress(static_cast<double>(epoch + 1) / parameters_.maxIter,
                     "Epoch " + std::to_string(epoch + 1) + " of " + std::to_string(parameters_.maxIter));
    if (noImprovement > parameters_.noChangeEpochs) break;
  }
  context.progress(1.0, "Fitted");
  task_ = data.task;
  classes_ = classify ? data.classCount() : 0;
  scaler_ = std::move(scaler);
  targetMean_ = targetMean;
  targetScale_ = targetScale;
  network_ = std::make_unique<MlpNetwork>(parameters_.earlyStopping ? std::move(best) : std::move(network));
  lossCurve_ = std::move(losses);
  validationScores_ = std::move(scores);
}

void MultilayerPerceptron::requireFitted() const {
  if (!network_) throw Error(ErrorCode::InvalidArgument, "mlp: the model has not been fitted");
}

std::vector<double> MultilayerPerceptron::outputs(const FeatureMatrix& x) const {
  requireFitted();
  const auto values = scaler_.columnMajor(x, "mlp");
  const Eigen::MatrixXd out = network_->predict(Eigen::Map<const Eigen::MatrixXd>(
      values.data(), static_cast<Eigen::Index>(x.rows()), static_cast<Eigen::Index>(x.cols())));
  std::vector<double> rowMajor(static_cast<std::size_t>(out.size()));
  Eigen::Map<Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>>(rowMajor.data(), out.rows(),
                                                                                      out.cols()) = out;
  return rowMajor;
}

ClassProbabilities MultilayerPerceptron::predictProba(const FeatureMatrix& x) const {
  requireFitted();
  if (!isClassification(task_))
    throw Error(ErrorCode::Unsupported, "mlp: class probabilities need a classifier; this model is a regressor");
  auto out = outputs(x);
  if (network_->output() == MlpNetwork::Output::Softmax) return {x.rows(), classes_, std::move(out)};
  ClassProbabilities proba{x.rows(), 2, std::vector<double>(x.rows() * 2)};
  for (std::size_t r = 0; r < x.rows(); ++r) {
    proba.values[r * 2] = 1.0 - out[r];
    proba.values[r * 2 + 1] = out[r];
  }
  return proba;
}

std::vector<double> MultilayerPerceptron::predict(const FeatureMatrix& x) const {
  auto out = outputs(x);
  switch (network_->output()) {
    case MlpNetwork::Output::Identity:
      for (double& v : out) v = v * targetScale_ + targetMean_;
      return out;
    case MlpNetwork::Output::Logistic:  // as sklearn's threshold
      for (double& v : out) v = v > 0.5 ? 1.0 : 0.0;
      return out;
    case MlpNetwork::Output::Softmax: break;
  }
  std::vector<double> result(x.rows());
  for (std::size_t r = 0; r < x.rows(); ++r) {
    const double* row = out.data() + r * classes_;
    result[r] = static_cast<double>(std::max_element(row, row + classes_) - row);  // first maximum
  }
  return result;
}

void MultilayerPerceptron::save(ModelWriter& out) const {
  requireFitted();
  out.u32(static_cast<std::uint32_t>(task_));
  out.u64(classes_);
  out.u64(scaler_.features());
  scaler_.save(out);
  if (!isClassification(task_)) {
    out.f64(targetMean_);
    out.f64(targetScale_);
  }
  network_->save(out);
}

void MultilayerPerceptron::load(ModelReader& in) {
  const auto fail = [](const std::string& what, std::size_t at) {
    return Error(ErrorCode::Parse, "model file (mlp): " + what, ErrorLocation{{}, -1, -1, static_cast<std::int64_t>(at)});
  };
  std::size_t at = in.offset();
  const std::uint32_t task = in.u32();
  if (task > static_cast<std::uint32_t>(Task::Regression)) throw fail("unknown task " + std::to_string(task), at);
  const auto loadedTask = static_cast<Task>(task);
  at = in.offset();
  const std::uint64_t classes = in.u64();
  const bool classify = isClassification(loadedTask);
  if (classify ? (classes < 2 || classes > kMaxClasses || (loadedTask == Task::Binary) != (classes == 2))
               : classes != 0)
    throw fail("bad class count " + std::to_string(classes), at);
  at = in.offset();
  const std::uint64_t features = in.u64();
  if (features == 0 || features > (1u << 24)) throw fail("bad feature count " + std::to_string(features), at);
  MlpInputScaler scaler;
  scaler.load(in, static_cast<std::size_t>(features));
  if (scaler.standardises() != parameters_.scale) throw fail("the scaling does not match the parameter 'scale'", at);
  double targetMean = 0.0, targetScale = 1.0;
  if (!classify) {
    at = in.offset();
    targetMean = in.f64();
    targetScale = in.f64();
    if (!std::isfinite(targetMean) || !std::isfinite(targetScale) || targetScale <= 0.0 ||
        (!parameters_.scale && (targetMean != 0.0 || targetScale != 1.0)))
      throw fail("bad target scaling", at);
  }
  const auto output = !classify ? MlpNetwork::Output::Identity
                                : classes == 2 ? MlpNetwork::Output::Logistic : MlpNetwork::Output::Softmax;
  std::vector<std::size_t> sizes;
  try {
    sizes = layerSizes(static_cast<std::size_t>(features), output == MlpNetwork::Output::Softmax ? classes : 1);
  } catch (const Error& e) {
    throw fail(e.message(), at);
  }
  MlpNetwork network;
  network.load(in, sizes, output);
  task_ = loadedTask;
  classes_ = static_cast<std::size_t>(classes);
  scaler_ = std::move(scaler);
  targetMean_ = targetMean;
  targetScale_ = targetScale;
  network_ = std::make_unique<MlpNetwork>(std::move(network));
  lossCurve_.clear();
  validationScores_.clear();
}

}  // namespace lathe::ml
