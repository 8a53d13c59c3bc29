#include "engine/ml/KMeans.h"

#include <Eigen/Dense>

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <random>
#include <thread>

#include "engine/core/Error.h"
#include "engine/jobs/JobContext.h"
#include "engine/jobs/ParallelFor.h"
#include "engine/ml/ModelFile.h"

namespace lathe::ml {
namespace {

using RowMatrix = Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;

// Row-major copy (rows are what distances need), refusing what k-means cannot measure.
RowMatrix toRows(const FeatureMatrix& x, const char* where) {
  RowMatrix out(x.rows(), x.cols());
  for (std::size_t c = 0; c < x.cols(); ++c) {
    const auto column = x.column(c);
    for (std::size_t r = 0; r < x.rows(); ++r) {
      if (!std::isfinite(column[r]))
        throw Error(ErrorCode::InvalidArgument,
                    std::string("kmeans: feature '") + x.names()[c] + "' has a missing or infinite value at row " +
                        std::to_string(r + 1) + " (" + where + "); fill missing values in the recipe first");
      out(static_cast<Eigen::Index>(r), static_cast<Eigen::Index>(c)) = column[r];
    }
  }
  return out;
}

struct Assignment {
  std::vector<int> labels;
  std::vector<double> distances;  // squared distance to the assigned centre (expanded form)
  RowMatrix sums;                 // per cluster: sum of its rows
  std::vector<double> counts;
};

// The E-step and the sums of the M-step in one pass over the rows: a few contiguous ranges per
// thread (each with its own sums, so memory is tasks x clusters x features), walked in chunks
// small enough that the chunk x clusters distance block stays under ~32 MB.
Assignment assign(const RowMatrix& x, const RowMatrix& centres, int threads, const jobs::JobContext& context) {
  const auto n = static_cast<std::size_t>(x.rows());
  const auto k = centres.rows();
  const std::size_t workers = threads > 0 ? static_cast<std::size_t>(threads) : std::max(1u, std::thread::hardware_concurrency());
  const std::size_t tasks = std::max<std::size_t>(1, std::min((n + 511) / 512, 4 * workers));
  const std::size_t perTask = (n + tasks - 1) / tasks;
  const std::size_t chunk = std::clamp<std::size_t>((std::size_t{4} << 20) / static_cast<std::size_t>(k), 1, 1024);
  Assignment out;
  out.labels.assign(n, 0);
  out.distances.assign(n, 0.0);
  const Eigen::VectorXd centreNorms = centres.rowwise().squaredNorm();
  std::vector<RowMatrix> sums(tasks);
  std::vector<std::vector<double>> counts(tasks);
  jobs::parallelFor(tasks, threads, [&](std::size_t t) {
    sums[t] = RowMatrix::Zero(k, x.cols());
    counts[t].assign(static_cast<std::size_t>(k), 0.0);
    const std::size_t end = std::min(n, (t + 1) * perTask);
    for (std::size_t begin = t * perTask; begin < end; begin += chunk) {
      context.throwIfStopped();
      const auto from = static_cast<Eigen::Index>(begin);
      const auto size = static_cast<Eigen::Index>(std::min(end, begin + chunk) - begin);
      const auto rows = x.middleRows(from, size);
      // ||x - c||^2 = ||x||^2 - 2 x.c + ||c||^2; the argmin needs only the last two terms.
      RowMatrix d = (-2.0 * (rows * centres.transpose())).rowwise() + centreNorms.transpose();
      const Eigen::VectorXd rowNorms = rows.rowwise().squaredNorm();
      for (Eigen::Index i = 0; i < size; ++i) {
        Eigen::Index best = 0;
        d.row(i).minCoeff(&best);
        const auto row = static_cast<std::size_t>(from + i);
        out.labels[row] = static_cast<int>(best);
        out.distances[row] = std::max(0.0, d(i, best) + rowNorms(i));
        sums[t].row(best) += rows.row(i);
        counts[t][static_cast<std::size_t>(best)] += 1.0;
      }
    }
  });
  out.sums = RowMatrix::Zero(k, x.cols());
  out.counts.assign(static_cast<std::size_t>(k), 0.0);
  for (std::size_t t = 0; t < tasks; ++t) {
    out.sums += sums[t];
    for (Eigen::Index c = 0; c < k; ++c) out.counts[static_cast<std::size_t>(c)] += counts[t][static_cast<std::size_t>(c)];
  }
  return out;
}

// scikit-learn's greedy k-means++: each new centre is the best of 2 + log(k) candidates drawn
// with probability proportional to the squared distance to the nearest chosen centre.
RowMatrix kmeansPlusPlus(const RowMatrix& x, int k, std::mt19937_64& rng, const jobs::JobContext& context) {
  const auto n = x.rows();
  RowMatrix centres(k, x.cols());
  const int trials = 2 + static_cast<int>(std::log(static_cast<double>(k)));
  std::uniform_real_distribution<double> uniform(0.0, 1.0);
  const auto first = static_cast<Eigen::Index>(std::uniform_int_distribution<std::int64_t>(0, n - 1)(rng));
  centres.row(0) = x.row(first);
  Eigen::VectorXd closest = (x.rowwise() - x.row(first)).rowwise().squaredNorm();
  std::vector<double> cumulative(static_cast<std::size_t>(n));
  for (int c = 1; c < k; ++c) {
    context.throwIfStopped();
    std::partial_sum(closest.data(), closest.data() + n, cumulative.begin());
    const double potential = cumulative.back();
    double bestPotential = std::numeric_limits<double>::infinity();
    Eigen::Index bestId = 0;
    Eigen::VectorXd bestClosest;
    for (int t = 0; t < trials; ++t) {
      const double target = uniform(rng) * potential;
      auto id = static_cast<Eigen::Index>(std::upper_bound(cumulative.begin(), cumulative.end(), target) - cumulative.begin());
      id = std::min<Eigen::Index>(id, n - 1);
      Eigen::VectorXd candidate = (x.rowwise() - x.row(id)).rowwise().squaredNorm().cwiseMin(closest);
      const double candidatePotential = candidate.sum();
      if (candidatePotential < bestPotential) {
        bestPotential = candidatePotential;
        bestId = id;
        bestClosest = std::move(candidate);
      }
    }
    centres.row(c) = x.row(bestId);
    closest = std::move(bestClosest);
  }
  return centres;
}

}  // namespace

nlohmann::json KMeans::parameters() const {
  return {{"n_clusters", params_.clusters},
          {"n_init", params_.initRuns},
          {"max_iter", params_.maxIterations},
          {"tol", params_.tolerance},
          {"random_state", params_.seed ? nlohmann::json(*params_.seed) : nlohmann::json(nullptr)},
          {"n_jobs", params_.threads}};
}

void KMeans::fit(const TrainingData& data, const jobs::JobContext& context) {
  if (data.task != Task::Clustering)
    throw Error(ErrorCode::InvalidArgument, std::string("kmeans: clustering needs no target; cannot learn a ") +
                                                std::string(taskName(data.task)) + " task");
  const std::size_t n = data.x.rows();
  if (n == 0 || data.x.cols() == 0) throw Error(ErrorCode::InvalidArgument, "kmeans: no rows or no features to cluster");
  if (n < static_cast<std::size_t>(params_.clusters))
    throw Error(ErrorCode::InvalidArgument, "kmeans: n_clusters " + std::to_string(params_.clusters) +
                                                " is more than the " + std::to_string(n) + " rows");
  RowMatrix x = toRows(data.x, "fit");
  // Centring keeps the expanded distances accurate for data far from the origin (as sklearn).
  const Eigen::RowVectorXd mean = x.colwise().mean();
  x.rowwise() -= mean;
  const double meanVariance = x.colwise().squaredNorm().sum() / static_cast<double>(n) / static_cast<double>(x.cols());
  const double tolerance = params_.tolerance * meanVariance;

  std::mt19937_64 seeder(params_.seed ? *params_.seed : std::random_device{}());
  const int k = params_.clusters;
  double bestInertia = std::numeric_limits<double>::infinity();
  RowMatrix bestCentres;
  std::vector<int> bestLabels;
  int bestIterations = 0;
  for (int run = 0; run < params_.initRuns; ++run) {
    const auto report = [&](double within) {
      context.progress((run + within) / params_.initRuns, "k-means run " + std::to_string(run + 1));
    };
    report(0.0);
    std::mt19937_64 rng(seeder());
    RowMatrix centres = kmeansPlusPlus(x, k, rng, context);
    Assignment a;
    std::vector<int> previous;
    int iteration = 0;
    for (; iteration < params_.maxIterations; ++iteration) {
      a = assign(x, centres, params_.threads, context);
      RowMatrix next = centres;
      std::vector<double> counts = a.counts;
      // An empty cluster takes the row farthest from its centre (scikit-learn's relocation).
      if (std::find(counts.begin(), counts.end(), 0.0) != counts.end()) {
        std::vector<std::size_t> order(n);
        std::iota(order.begin(), order.end(), std::size_t{0});
        std::sort(order.begin(), order.end(), [&](std::size_t l, std::size_t r) { return a.distances[l] > a.distances[r]; });
        std::size_t taken = 0;
        for (int c = 0; c < k; ++c) {
          if (counts[static_cast<std::size_t>(c)] > 0.0) continue;
          const std::size_t row = order[taken++];
          const int from = a.labels[row];
          a.sums.row(from) -= x.row(static_cast<Eigen::Index>(row));
          counts[static_cast<std::size_t>(from)] -= 1.0;
          a.sums.row(c) = x.row(static_cast<Eigen::Index>(row));
          counts[static_cast<std::size_t>(c)] = 1.0;
        }
      }
      for (int c = 0; c < k; ++c)
        if (counts[static_cast<std::size_t>(c)] > 0.0) next.row(c) = a.sums.row(c) / counts[static_cast<std::size_t>(c)];
      const double shift = (next - centres).squaredNorm();
      centres = std::move(next);
      report(static_cast<double>(iteration + 1) / params_.maxIterations);
      if (a.labels == previous) {  // nothing moved: strictly converged
        break;
      }
      previous = a.labels;
      if (shift <= tolerance) break;
    }
    // Labels that match the final centres, and the exact inertia.
    a = assign(x, centres, params_.threads, context);
    double inertia = 0.0;
    for (std::size_t r = 0; r < n; ++r)
      inertia += (x.row(static_cast<Eigen::Index>(r)) - centres.row(a.labels[r])).squaredNorm();
    if (inertia < bestInertia) {
      bestInertia = inertia;
      bestCentres = centres;
      bestLabels = std::move(a.labels);
      bestIterations = std::min(iteration + 1, params_.maxIterations);
    }
  }
  bestCentres.rowwise() += mean;
  features_ = data.x.cols();
  centres_.assign(bestCentres.data(), bestCentres.data() + bestCentres.size());
  labels_ = std::move(bestLabels);
  inertia_ = bestInertia;
  iterations_ = bestIterations;
  context.progress(1.0, "k-means done");
}

std::vector<double> KMeans::predict(const FeatureMatrix& x) const {
  if (centres_.empty()) throw Error(ErrorCode::InvalidArgument, "kmeans: predict before fit");
  if (x.cols() != features_)
    throw Error(ErrorCode::InvalidArgument, "kmeans: the model has " + std::to_string(features_) + " features, got " +
                                                std::to_string(x.cols()));
  const RowMatrix rows = toRows(x, "predict");
  const Eigen::Map<const RowMatrix> centres(centres_.data(), params_.clusters, static_cast<Eigen::Index>(features_));
  std::vector<double> out(x.rows());
  for (Eigen::Index r = 0; r < rows.rows(); ++r) {
    Eigen::Index best = 0;
    (centres.rowwise() - rows.row(r)).rowwise().squaredNorm().minCoeff(&best);
    out[static_cast<std::size_t>(r)] = static_cast<double>(best);
  }
  return out;
}

void KMeans::save(ModelWriter& out) const {
  out.u64(features_);
  out.f64s(centres_);
  out.f64(inertia_);
  out.u32(static_cast<std::uint32_t>(iterations_));
}

void KMeans::load(ModelReader& in) {
  const std::size_t offset = in.offset();
  const std::uint64_t features = in.u64();
  std::vector<double> centres = in.f64s();
  const double inertia = in.f64();
  const std::uint32_t iterations = in.u32();
  const auto bad = [&](const std::string& why) {
    ErrorLocation where;
    where.byteOffset = static_cast<std::int64_t>(offset);
    throw Error(ErrorCode::Parse, "kmeans model: " + why, where);
  };
  if (features == 0 || features > centres.size() || centres.size() != features * static_cast<std::uint64_t>(params_.clusters))
    bad("the centres do not hold n_clusters x features values");
  for (double v : centres)
    if (!std::isfinite(v)) bad("a centre is not a finite number");
  features_ = static_cast<std::size_t>(features);
  centres_ = std::move(centres);
  inertia_ = inertia;
  iterations_ = static_cast<int>(std::min<std::uint32_t>(iterations, 1u << 30));
  labels_.clear();
}

}  // namespace lathe::ml
