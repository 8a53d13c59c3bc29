#include "engine/ml/Dbscan.h"

#include <algorithm>
#include <array>
#include <atomic>
#include <cmath>
#include <cstdint>
#include <limits>
#include <numeric>
#include <thread>

#include "engine/core/Error.h"
#include "engine/jobs/JobContext.h"
#include "engine/jobs/ParallelFor.h"
#include "engine/ml/ModelFile.h"

namespace lathe::ml {
namespace {

std::vector<double> toRows(const FeatureMatrix& x, const char* where) {
  std::vector<double> out(x.rows() * x.cols());
  for (std::size_t c = 0; c < x.cols(); ++c) {
    const auto column = x.column(c);
    for (std::size_t r = 0; r < x.rows(); ++r) {
      if (!std::isfinite(column[r]))
        throw Error(ErrorCode::InvalidArgument, std::string("dbscan: feature '") + x.names()[c] +
                                                    "' has a missing or infinite value at row " + std::to_string(r + 1) +
                                                    " (" + where + "); fill missing values in the recipe first");
      out[r * x.cols() + c] = column[r];
    }
  }
  return out;
}

// Points bucketed into cells a little wider than eps along up to three of the widest features:
// every neighbour within eps of a point lies in the 3^k cells around it. Features too narrow to
// split (or too wide to count cells in 64 bits) are left out; with none left it is brute force.
class Grid {
 public:
  Grid(const std::vector<double>& points, std::size_t dims, double eps) : points_(points), dims_(dims), eps2_(eps * eps) {
    const std::size_t n = dims ? points.size() / dims : 0;
    cell_ = eps * (1.0 + 1e-9);  // a neighbour at exactly eps never lands two cells away by rounding
    std::vector<double> low(dims, std::numeric_limits<double>::infinity()), high(dims, -low[0]);
    for (std::size_t i = 0; i < n; ++i)
      for (std::size_t f = 0; f < dims; ++f) {
        low[f] = std::min(low[f], points[i * dims + f]);
        high[f] = std::max(high[f], points[i * dims + f]);
      }
    std::vector<std::size_t> order(dims);
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return high[a] - low[a] > high[b] - low[b]; });
    double product = 1.0;
    for (std::size_t f : order) {
      if (axes_.size() == 3 || n == 0) break;
      const double cells = std::floor((high[f] - low[f]) / cell_) + 1.0;
      if (cells < 2.0 || product * cells > 1e18) continue;
      axes_.push_back({f, low[f], static_cast<std::int64_t>(cells), static_cast<std::int64_t>(product)});
      product *= cells;
    }
    std::vector<std::uint64_t> keys(n);
    for (std::size_t i = 0; i < n; ++i) keys[i] = key(&points[i * dims]);
    order_.resize(n);
    std::iota(order_.begin(), order_.end(), std::size_t{0});
    std::sort(order_.begin(), order_.end(), [&](std::size_t a, std::size_t b) { return keys[a] < keys[b] || (keys[a] == keys[b] && a < b); });
    sortedKeys_.resize(n);
    for (std::size_t i = 0; i < n; ++i) sortedKeys_[i] = keys[order_[i]];
  }

  // Calls visit(j, squaredDistance) for every point j within eps of `query`.
  template <typename Visit>
  void forEachNeighbour(const double* query, Visit&& visit) const {
    std::array<std::int64_t, 3> base{};
    for (std::size_t a = 0; a < axes_.size(); ++a) {
      base[a] = static_cast<std::int64_t>(std::floor(std::clamp((query[axes_[a].feature] - axes_[a].low) / cell_, -2.0, 1e18)));
      if (base[a] < -1 || base[a] > axes_[a].cells) return;  // more than eps outside every point
    }
    std::size_t combos = 1;
    for (std::size_t a = 0; a < axes_.size(); ++a) combos *= 3;
    for (std::size_t combo = 0; combo < combos; ++combo) {
      std::uint64_t key = 0;
      bool inside = true;
      std::size_t rest = combo;
      for (std::size_t a = 0; a < axes_.size(); ++a, rest /= 3) {
        const std::int64_t index = base[a] + static_cast<std::int64_t>(rest % 3) - 1;
        if (index < 0 || index >= axes_[a].cells) {
          inside = false;
          break;
        }
        key += static_cast<std::uint64_t>(index * axes_[a].stride);
      }
      if (!inside) continue;
      const auto [from, to] = std::equal_range(sortedKeys_.begin(), sortedKeys_.end(), key);
      for (auto it = from; it != to; ++it) {
        const std::size_t j = order_[static_cast<std::size_t>(it - sortedKeys_.begin())];
        const double* p = &points_[j * dims_];
        double d2 = 0.0;
        for (std::size_t f = 0; f < dims_ && d2 <= eps2_; ++f) d2 += (p[f] - query[f]) * (p[f] - query[f]);
        if (d2 <= eps2_) visit(j, d2);
      }
    }
  }

 private:
  std::uint64_t key(const double* point) const {
    std::uint64_t out = 0;
    for (const Axis& axis : axes_) {
      const auto index = std::clamp<std::int64_t>(static_cast<std::int64_t>((point[axis.feature] - axis.low) / cell_), 0, axis.cells - 1);
      out += static_cast<std::uint64_t>(index * axis.stride);
    }
    return out;
  }
  struct Axis {
    std::size_t feature;
    double low;
    std::int64_t cells;
    std::int64_t stride;
  };
  const std::vector<double>& points_;
  std::size_t dims_;
  double eps2_;
  double cell_ = 1.0;
  std::vector<Axis> axes_;
  std::vector<std::size_t> order_;
  std::vector<std::uint64_t> sortedKeys_;
};

std::size_t findRoot(std::vector<std::size_t>& parent, std::size_t i) {
  while (parent[i] != i) {
    parent[i] = parent[parent[i]];
    i = parent[i];
  }
  return i;
}

constexpr std::size_t kBlock = 256;

}  // namespace

nlohmann::json Dbscan::parameters() const {
  return {{"eps", params_.eps}, {"min_samples", params_.minSamples}, {"metric", "euclidean"}, {"n_jobs", params_.threads}};
}

void Dbscan::fit(const TrainingData& data, const jobs::JobContext& context) {
  if (data.task != Task::Clustering)
    throw Error(ErrorCode::InvalidArgument, std::string("dbscan: clustering needs no target; cannot learn a ") +
                                                std::string(taskName(data.task)) + " task");
  const std::size_t n = data.x.rows();
  const std::size_t d = data.x.cols();
  if (n == 0 || d == 0) throw Error(ErrorCode::InvalidArgument, "dbscan: no rows or no features to cluster");
  const std::vector<double> points = toRows(data.x, "fit");
  context.progress(0.0, "indexing rows");
  const Grid grid(points, d, params_.eps);
  const std::size_t blocks = (n + kBlock - 1) / kBlock;

  // 1. Core rows: at least min_samples rows (itself included) within eps.
  std::vector<std::uint8_t> core(n, 0);
  std::atomic<std::size_t> done{0};
  // Progress sinks are not thread-safe: only the calling thread (one of the workers) reports.
  const auto caller = std::this_thread::get_id();
  jobs::parallelFor(blocks, params_.threads, [&](std::size_t b) {
    context.throwIfStopped();
    for (std::size_t i = b * kBlock; i < std::min(n, (b + 1) * kBlock); ++i) {
      std::size_t count = 0;
      grid.forEachNeighbour(&points[i * d], [&](std::size_t, double) { ++count; });
      core[i] = count >= static_cast<std::size_t>(params_.minSamples);
    }
    const double fraction = static_cast<double>(++done) / static_cast<double>(blocks);
    if (std::this_thread::get_id() == caller) context.progress(0.4 * fraction, "finding core rows");
  });

  // 2. Clusters: connected core rows (a union-find; memory stays linear whatever eps is).
  std::vector<std::size_t> parent(n);
  std::iota(parent.begin(), parent.end(), std::size_t{0});
  for (std::size_t i = 0; i < n; ++i) {
    if (i % kBlock == 0) {
      context.throwIfStopped();
      context.progress(0.4 + 0.3 * static_cast<double>(i) / static_cast<double>(n), "joining core rows");
    }
    if (!core[i]) continue;
    grid.forEachNeighbour(&points[i * d], [&](std::size_t j, double) {
      if (j < i && core[j]) {
        const std::size_t a = findRoot(parent, i), c = findRoot(parent, j);
        if (a != c) parent[std::max(a, c)] = std::min(a, c);
      }
    });
  }
  // Numbered in the order of each cluster's first core row, as sklearn's expansion does.
  std::vector<int> labels(n, -1);
  int clusters = 0;
  for (std::size_t i = 0; i < n; ++i) {
    if (!core[i]) continue;
    const std::size_t root = findRoot(parent, i);
    if (labels[root] < 0) labels[root] = clusters++;
    labels[i] = labels[root];
  }

  // 3. Border rows join the lowest-numbered cluster with a core row within eps.
  done = 0;
  jobs::parallelFor(blocks, params_.threads, [&](std::size_t b) {
    context.throwIfStopped();
    for (std::size_t i = b * kBlock; i < std::min(n, (b + 1) * kBlock); ++i) {
      if (core[i]) continue;
      int best = std::numeric_limits<int>::max();
      grid.forEachNeighbour(&points[i * d], [&](std::size_t j, double) {
        if (core[j]) best = std::min(best, labels[j]);
      });
      labels[i] = best == std::numeric_limits<int>::max() ? -1 : best;
    }
    const double fraction = static_cast<double>(++done) / static_cast<double>(blocks);
    if (std::this_thread::get_id() == caller) context.progress(0.7 + 0.3 * fraction, "assigning border rows");
  });

  features_ = d;
  clusters_ = clusters;
  coreIndices_.clear();
  corePoints_.clear();
  coreLabels_.clear();
  for (std::size_t i = 0; i < n; ++i) {
    if (!core[i]) continue;
    coreIndices_.push_back(i);
    corePoints_.insert(corePoints_.end(), points.begin() + static_cast<std::ptrdiff_t>(i * d),
                       points.begin() + static_cast<std::ptrdiff_t>((i + 1) * d));
    coreLabels_.push_back(labels[i]);
  }
  labels_ = std::move(labels);
  context.progress(1.0, "dbscan done");
}

std::vector<double> Dbscan::predict(const FeatureMatrix& x) const {
  if (features_ == 0) throw Error(ErrorCode::InvalidArgument, "dbscan: predict before fit");
  if (x.cols() != features_)
    throw Error(ErrorCode::InvalidArgument, "dbscan: the model has " + std::to_string(features_) + " features, got " +
                                                std::to_string(x.cols()));
  const std::vector<double> rows = toRows(x, "predict");
  std::vector<double> out(x.rows(), -1.0);
  if (coreLabels_.empty()) return out;
  const Grid grid(corePoints_, features_, params_.eps);
  const std::size_t blocks = (x.rows() + kBlock - 1) / kBlock;
  jobs::parallelFor(blocks, params_.threads, [&](std::size_t b) {
    for (std::size_t i = b * kBlock; i < std::min(x.rows(), (b + 1) * kBlock); ++i) {
      double nearest = std::numeric_limits<double>::infinity();
      grid.forEachNeighbour(&rows[i * features_], [&](std::size_t j, double d2) {
        if (d2 < nearest) {
          nearest = d2;
          out[i] = coreLabels_[j];
        }
      });
    }
  });
  return out;
}

void Dbscan::save(ModelWriter& out) const {
  out.u64(features_);
  out.u32(static_cast<std::uint32_t>(clusters_));
  out.f64s(corePoints_);
  out.i32s(std::vector<std::int32_t>(coreLabels_.begin(), coreLabels_.end()));
}

void Dbscan::load(ModelReader& in) {
  const std::size_t offset = in.offset();
  const std::uint64_t features = in.u64();
  const std::uint32_t clusters = in.u32();
  std::vector<double> points = in.f64s();
  const std::vector<std::int32_t> labels = in.i32s();
  const auto bad = [&](const std::string& why) {
    ErrorLocation where;
    where.byteOffset = static_cast<std::int64_t>(offset);
    throw Error(ErrorCode::Parse, "dbscan model: " + why, where);
  };
  if (features == 0 || features > (1u << 24)) bad("the feature count is out of range");
  if (clusters > labels.size() || points.size() != labels.size() * features)
    bad("the core rows do not hold core labels x features values");
  for (double v : points)
    if (!std::isfinite(v)) bad("a core row holds a value that is not a finite number");
  for (std::int32_t label : labels)
    if (label < 0 || static_cast<std::uint32_t>(label) >= clusters) bad("a core row's cluster is out of range");
  features_ = static_cast<std::size_t>(features);
  clusters_ = static_cast<int>(clusters);
  corePoints_ = std::move(points);
  coreLabels_.assign(labels.begin(), labels.end());
  labels_.clear();
  coreIndices_.clear();
}

}  // namespace lathe::ml
