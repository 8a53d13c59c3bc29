#include "engine/ml/KNearestNeighbours.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

#include <Eigen/Dense>

#include "engine/core/Error.h"
#include "engine/jobs/JobContext.h"
#include "engine/jobs/ParallelFor.h"
#include "engine/ml/MlpParameterReader.h"
#include "engine/ml/ModelFile.h"

namespace lathe::ml {
namespace {

using RowMatrix = Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;
constexpr std::size_t kQueryBlock = 64;
constexpr std::size_t kTrainBlock = 2048;  // 64 x 2048 doubles: 1 MiB of distances per thread
constexpr int kMaxNeighbours = 100000;
constexpr std::uint64_t kMaxClasses = 1u << 20;

Error invalid(const std::string& message) { return Error(ErrorCode::InvalidArgument, "knn: " + message); }

}  // namespace

KNearestNeighbours::KNearestNeighbours() : parameters_(Parameters{}) {}

std::unique_ptr<Estimator> KNearestNeighbours::create(const nlohmann::json& json) {
  const MlpParameterReader read("knn", json, {"n_neighbors", "weights", "metric", "scale", "threads"});
  Parameters p;
  p.neighbours = static_cast<int>(read.integer("n_neighbors", 5, 1, kMaxNeighbours));
  p.distanceWeights = read.choice("weights", "uniform", {"uniform", "distance"}) == "distance";
  p.manhattan = read.choice("metric", "euclidean", {"euclidean", "manhattan"}) == "manhattan";
  p.scale = read.boolean("scale", false);
  p.threads = static_cast<int>(read.integer("threads", 0, 0, 1024));
  return std::make_unique<KNearestNeighbours>(p);
}

nlohmann::json KNearestNeighbours::parameters() const {
  return {{"n_neighbors", parameters_.neighbours},
          {"weights", parameters_.distanceWeights ? "distance" : "uniform"},
          {"metric", parameters_.manhattan ? "manhattan" : "euclidean"},
          {"scale", parameters_.scale},
          {"threads", parameters_.threads}};
}

void KNearestNeighbours::fit(const TrainingData& data, const jobs::JobContext& context) {
  context.throwIfStopped();
  if (!supports(data.task)) throw invalid("cannot learn clustering; it needs a target to predict");
  const FeatureMatrix& x = data.x;
  if (x.rows() == 0) throw invalid("there are no rows to learn from");
  if (x.cols() == 0) throw invalid("there are no feature columns to learn from");
  if (data.y.size() != x.rows())
    throw invalid("the target has " + std::to_string(data.y.size()) + " values for " + std::to_string(x.rows()) +
                  " rows");
  if (x.rows() >= std::numeric_limits<std::uint32_t>::max()) throw invalid("more than 4 billion training rows");
  if (static_cast<std::size_t>(parameters_.neighbours) > x.rows())
    throw invalid("n_neighbors (" + std::to_string(parameters_.neighbours) + ") is more than the " +
                  std::to_string(x.rows()) + " training rows");
  MlpInputScaler::requireFinite(x, "knn");
  const bool classify = isClassification(data.task);
  if (classify) {
    if (data.classCount() < 2) throw invalid("the target has one class only; a classifier needs at least two");
    std::vector<bool> seen(data.classCount(), false);
    for (double v : data.y) {
      if (!(v >= 0) || v >= static_cast<double>(data.classCount()) || v != std::floor(v))
        throw invalid("the target holds a class index out of range");
      seen[static_cast<std::size_t>(v)] = true;
    }
    if (std::count(seen.begin(), seen.end(), true) < 2)
      throw invalid("the target has one class only in these rows; a classifier needs at least two");
  } else {
    for (std::size_t r = 0; r < data.y.size(); ++r)
      if (!std::isfinite(data.y[r]))
        throw invalid("the target '" + data.target + "' has a missing or infinite value at row " +
                      std::to_string(r + 1));
  }
  context.progress(0.2, "Storing the training rows");
  MlpInputScaler scaler;
  scaler.fit(x, parameters_.scale);
  auto points = scaler.rowMajor(x, "knn");
  context.throwIfStopped();
  const std::size_t d = x.cols();
  std::vector<double> norms(x.rows());
  for (std::size_t r = 0; r < x.rows(); ++r) {
    const double* p = points.data() + r * d;
    norms[r] = std::inner_product(p, p + d, p, 0.0);
  }
  task_ = data.task;
  classes_ = classify ? data.classCount() : 0;
  rows_ = x.rows();
  scaler_ = std::move(scaler);
  points_ = std::move(points);
  norms_ = std::move(norms);
  y_ = data.y;
  context.progress(1.0, "Fitted");
}

void KNearestNeighbours::requireFitted() const {
  if (rows_ == 0) throw Error(ErrorCode::InvalidArgument, "knn: the model has not been fitted");
}

KNearestNeighbours::Neighbours KNearestNeighbours::neighbours(const FeatureMatrix& x) const {
  requireFitted();
  const auto query = scaler_.rowMajor(x, "knn");
  const std::size_t m = x.rows(), d = scaler_.features(), k = static_cast<std::size_t>(parameters_.neighbours);
  Neighbours out{k, std::vector<std::uint32_t>(m * k), std::vector<double>(m * k)};
  if (m == 0) return out;
  const Eigen::Map<const RowMatrix> train(points_.data(), static_cast<Eigen::Index>(rows_), static_cast<Eigen::Index>(d));
  const Eigen::Map<const RowMatrix> queries(query.data(), static_cast<Eigen::Index>(m), static_cast<Eigen::Index>(d));
  const bool manhattan = parameters_.manhattan;

  const std::size_t blocks = (m + kQueryBlock - 1) / kQueryBlock;
  jobs::parallelFor(blocks, parameters_.threads, [&](std::size_t block) {
    const std::size_t first = block * kQueryBlock, count = std::min(kQueryBlock, m - first);
    const auto q = queries.middleRows(static_cast<Eigen::Index>(first), static_cast<Eigen::Index>(count));
    const Eigen::VectorXd qNorms = q.rowwise().squaredNorm();
    RowMatrix dist(static_cast<Eigen::Index>(count), static_cast<Eigen::Index>(std::min(kTrainBlock, rows_)));
    std::vector<double> bestD(count * k, std::numeric_limits<double>::infinity());
    std::vector<std::uint32_t> bestI(count * k, 0);
    for (std::size_t t0 = 0; t0 < rows_; t0 += kTrainBlock) {
      const std::size_t tc = std::min(kTrainBlock, rows_ - t0);
      auto D = dist.leftCols(static_cast<Eigen::Index>(tc));
      const auto t = train.middleRows(static_cast<Eigen::Index>(t0), static_cast<Eigen::Index>(tc));
      if (manhattan) {
        for (std::size_t i = 0; i < count; ++i)
          for (std::size_t j = 0; j < tc; ++j)
            D(static_cast<Eigen::Index>(i), static_cast<Eigen::Index>(j)) =
                (q.row(static_cast<Eigen::Index>(i)) - t.row(static_cast<Eigen::Index>(j))).cwiseAbs().sum();
      } else {
        D.noalias() = q * t.transpose();
      }
      for (std::size_t i = 0; i < count; ++i) {
        double* bd = bestD.data() + i * k;
        std::uint32_t* bi = bestI.data() + i * k;
        const double* row = D.data() + i * static_cast<std::size_t>(dist.cols());
        for (std::size_t j = 0; j < tc; ++j) {
          const double value = manhattan ? row[j] : qNorms[static_cast<Eigen::Index>(i)] + norms_[t0 + j] - 2.0 * row[j];
          if (!(value < bd[k - 1])) continue;  // ties keep the earlier training row
          std::size_t p = k - 1;
          for (; p > 0 && bd[p - 1] > value; --p) {
            bd[p] = bd[p - 1];
            bi[p] = bi[p - 1];
          }
          bd[p] = value;
          bi[p] = static_cast<std::uint32_t>(t0 + j);
        }
      }
    }
    // The expanded form loses digits to cancellation: recompute the chosen distances exactly.
    std::vector<std::pair<double, std::uint32_t>> chosen(k);
    for (std::size_t i = 0; i < count; ++i) {
      const double* qi = query.data() + (first + i) * d;
      for (std::size_t j = 0; j < k; ++j) {
        const std::uint32_t index = bestI[i * k + j];
        const double* p = points_.data() + static_cast<std::size_t>(index) * d;
        double sum = 0;
        if (manhattan) {
          for (std::size_t c = 0; c < d; ++c) sum += std::abs(qi[c] - p[c]);
        } else {
          for (std::size_t c = 0; c < d; ++c) sum += (qi[c] - p[c]) * (qi[c] - p[c]);
          sum = std::sqrt(sum);
        }
        chosen[j] = {sum, index};
      }
      std::sort(chosen.begin(), chosen.end());
      for (std::size_t j = 0; j < k; ++j) {
        out.distance[(first + i) * k + j] = chosen[j].first;
        out.index[(first + i) * k + j] = chosen[j].second;
      }
    }
  });
  return out;
}

std::vector<double> KNearestNeighbours::weights(const Neighbours& found) const {
  std::vector<double> w(found.distance.size(), 1.0);
  if (!parameters_.distanceWeights) return w;
  const std::size_t k = found.k;
  for (std::size_t row = 0; row * k < w.size(); ++row) {
    const double* dist = found.distance.data() + row * k;
    // As scikit-learn: a query that coincides with training rows takes only those rows.
    const bool exact = std::any_of(dist, dist + k, [](double v) { return v == 0.0; });
    for (std::size_t j = 0; j < k; ++j) w[row * k + j] = exact ? (dist[j] == 0.0 ? 1.0 : 0.0) : 1.0 / dist[j];
  }
  return w;
}

ClassProbabilities KNearestNeighbours::predictProba(const FeatureMatrix& x) const {
  requireFitted();
  if (!isClassification(task_))
    throw Error(ErrorCode::Unsupported, "knn: class probabilities need a classifier; this model is a regressor");
  const Neighbours found = neighbours(x);
  const auto w = weights(found);
  const std::size_t k = found.k;
  ClassProbabilities out{x.rows(), classes_, std::vector<double>(x.rows() * classes_, 0.0)};
  for (std::size_t row = 0; row < x.rows(); ++row) {
    double* p = out.values.data() + row * classes_;
    double total = 0;
    for (std::size_t j = 0; j < k; ++j) {
      p[static_cast<std::size_t>(y_[found.index[row * k + j]])] += w[row * k + j];
      total += w[row * k + j];
    }
    for (std::size_t c = 0; c < classes_; ++c) p[c] /= total;
  }
  return out;
}

std::vector<double> KNearestNeighbours::predict(const FeatureMatrix& x) const {
  requireFitted();
  std::vector<double> out(x.rows());
  if (isClassification(task_)) {
    const auto proba = predictProba(x);
    for (std::size_t row = 0; row < x.rows(); ++row) {
      const double* p = proba.values.data() + row * classes_;
      out[row] = static_cast<double>(std::max_element(p, p + classes_) - p);  // first maximum: lowest class
    }
    return out;
  }
  const Neighbours found = neighbours(x);
  const auto w = weights(found);
  const std::size_t k = found.k;
  for (std::size_t row = 0; row < x.rows(); ++row) {
    double sum = 0, total = 0;
    for (std::size_t j = 0; j < k; ++j) {
      sum += y_[found.index[row * k + j]] * w[row * k + j];
      total += w[row * k + j];
    }
    out[row] = sum / total;
  }
  return out;
}

void KNearestNeighbours::save(ModelWriter& out) const {
  requireFitted();
  out.u32(static_cast<std::uint32_t>(task_));
  out.u64(classes_);
  out.u64(rows_);
  out.u64(scaler_.features());
  scaler_.save(out);
  out.f64s(points_);
  out.f64s(y_);
}

void KNearestNeighbours::load(ModelReader& in) {
  const auto fail = [&](const std::string& what, std::size_t at) {
    return Error(ErrorCode::Parse, "model file (knn): " + what, ErrorLocation{{}, -1, -1, static_cast<std::int64_t>(at)});
  };
  std::size_t at = in.offset();
  const std::uint32_t task = in.u32();
  if (task > static_cast<std::uint32_t>(Task::Regression)) throw fail("unknown task " + std::to_string(task), at);
  const Task loadedTask = static_cast<Task>(task);
  at = in.offset();
  const std::uint64_t classes = in.u64();
  if (isClassification(loadedTask) ? (classes < 2 || classes > kMaxClasses) : classes != 0)
    throw fail("bad class count " + std::to_string(classes), at);
  at = in.offset();
  const std::uint64_t rows = in.u64();
  const std::uint64_t features = in.u64();
  // Each training row needs at least 8 bytes per feature and its target: refuse sizes the file cannot hold.
  if (rows < static_cast<std::uint64_t>(parameters_.neighbours) || rows >= std::numeric_limits<std::uint32_t>::max() ||
      features == 0 || features > (1u << 24))
    throw fail("bad training size " + std::to_string(rows) + " x " + std::to_string(features), at);
  MlpInputScaler scaler;
  scaler.load(in, static_cast<std::size_t>(features));
  if (scaler.standardises() != parameters_.scale) throw fail("the scaling does not match the parameter 'scale'", at);
  at = in.offset();
  auto points = in.f64s();
  if (points.size() / features != rows || points.size() % features != 0)
    throw fail("the training rows do not match " + std::to_string(rows) + " x " + std::to_string(features), at);
  at = in.offset();
  auto y = in.f64s();
  if (y.size() != rows) throw fail("the targets do not match the " + std::to_string(rows) + " rows", at);
  for (double v : points)
    if (!std::isfinite(v)) throw fail("a training value is not finite", at);
  for (double v : y) {
    const bool ok = isClassification(loadedTask) ? (v >= 0 && v < static_cast<double>(classes) && v == std::floor(v))
                                                 : std::isfinite(v);
    if (!ok) throw fail("a training target is out of range", at);
  }
  std::vector<double> norms(rows);
  for (std::size_t r = 0; r < rows; ++r) {
    const double* p = points.data() + r * features;
    norms[r] = std::inner_product(p, p + features, p, 0.0);
  }
  task_ = loadedTask;
  classes_ = static_cast<std::size_t>(classes);
  rows_ = static_cast<std::size_t>(rows);
  scaler_ = std::move(scaler);
  points_ = std::move(points);
  norms_ = std::move(norms);
  y_ = std::move(y);
}

}  // namespace lathe::ml
