#include "engine/ml/IsolationForest.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <numeric>
#include <random>
#include <thread>

#include "engine/core/Error.h"
#include "engine/jobs/JobContext.h"
#include "engine/jobs/ParallelFor.h"
#include "engine/ml/ModelFile.h"

namespace lathe::ml {
namespace {

void requireFinite(const FeatureMatrix& x, const char* where) {
  for (std::size_t c = 0; c < x.cols(); ++c) {
    const auto column = x.column(c);
    for (std::size_t r = 0; r < x.rows(); ++r)
      if (!std::isfinite(column[r]))
        throw Error(ErrorCode::InvalidArgument, std::string("isolation_forest: feature '") + x.names()[c] +
                                                    "' has a missing or infinite value at row " + std::to_string(r + 1) +
                                                    " (" + where + "); fill missing values in the recipe first");
  }
}

// The average path length of an unsuccessful search in a binary search tree of n rows
// (sklearn's _average_path_length).
double averagePathLength(double n) {
  if (n <= 1.0) return 0.0;
  if (n <= 2.0) return 1.0;
  return 2.0 * (std::log(n - 1.0) + 0.5772156649015329) - 2.0 * (n - 1.0) / n;
}

struct Tree {
  std::vector<std::int32_t> feature;
  std::vector<double> threshold;
  std::vector<std::int32_t> left;
  std::vector<double> leafDepth;
};

// One isolation tree on `sample` (rows x features, column-major), grown depth-first.
Tree growTree(const std::vector<double>& sample, std::size_t rows, std::size_t features, int maxDepth,
              std::mt19937_64& rng) {
  Tree tree;
  std::vector<std::size_t> index(rows);
  std::iota(index.begin(), index.end(), std::size_t{0});
  struct Pending {
    std::int32_t node;
    std::size_t from, to;
    int depth;
  };
  const auto addNode = [&] {
    tree.feature.push_back(-1);
    tree.threshold.push_back(0.0);
    tree.left.push_back(-1);
    tree.leafDepth.push_back(0.0);
    return static_cast<std::int32_t>(tree.feature.size() - 1);
  };
  std::vector<Pending> stack{{addNode(), 0, rows, 0}};
  std::vector<std::size_t> candidates(features);
  std::uniform_real_distribution<double> unit(0.0, 1.0);
  while (!stack.empty()) {
    const Pending p = stack.back();
    stack.pop_back();
    const std::size_t count = p.to - p.from;
    const auto leaf = [&] { tree.leafDepth[static_cast<std::size_t>(p.node)] = p.depth + averagePathLength(static_cast<double>(count)); };
    if (count <= 1 || p.depth >= maxDepth) {
      leaf();
      continue;
    }
    // Draw features at random until one is not constant in this node (as sklearn's splitter).
    std::iota(candidates.begin(), candidates.end(), std::size_t{0});
    std::size_t remaining = features;
    int chosen = -1;
    double low = 0.0, high = 0.0;
    while (remaining > 0) {
      const std::size_t pick = std::uniform_int_distribution<std::size_t>(0, remaining - 1)(rng);
      const std::size_t f = candidates[pick];
      const double* column = &sample[f * rows];
      low = high = column[index[p.from]];
      for (std::size_t i = p.from + 1; i < p.to; ++i) {
        low = std::min(low, column[index[i]]);
        high = std::max(high, column[index[i]]);
      }
      if (high > low) {
        chosen = static_cast<int>(f);
        break;
      }
      candidates[pick] = candidates[--remaining];
    }
    if (chosen < 0) {
      leaf();
      continue;
    }
    double threshold = low + unit(rng) * (high - low);
    if (threshold >= high) threshold = low;
    const double* column = &sample[static_cast<std::size_t>(chosen) * rows];
    const auto middle = std::partition(index.begin() + static_cast<std::ptrdiff_t>(p.from), index.begin() + static_cast<std::ptrdiff_t>(p.to),
                                       [&](std::size_t i) { return column[i] <= threshold; });
    const auto split = static_cast<std::size_t>(middle - index.begin());
    const std::int32_t leftNode = addNode();
    addNode();
    const auto node = static_cast<std::size_t>(p.node);
    tree.feature[node] = chosen;
    tree.threshold[node] = threshold;
    tree.left[node] = leftNode;
    stack.push_back({leftNode + 1, split, p.to, p.depth + 1});
    stack.push_back({leftNode, p.from, split, p.depth + 1});
  }
  return tree;
}

}  // namespace

nlohmann::json IsolationForest::parameters() const {
  nlohmann::json maxSamples = "auto";
  if (params_.maxSamples > 0) maxSamples = params_.maxSamples;
  if (params_.maxSamplesFraction > 0.0) maxSamples = params_.maxSamplesFraction;
  return {{"n_estimators", params_.trees},
          {"max_samples", maxSamples},
          {"contamination", params_.contamination > 0.0 ? nlohmann::json(params_.contamination) : nlohmann::json("auto")},
          {"random_state", params_.seed ? nlohmann::json(*params_.seed) : nlohmann::json(nullptr)},
          {"n_jobs", params_.threads}};
}

void IsolationForest::fit(const TrainingData& data, const jobs::JobContext& context) {
  if (data.task != Task::Clustering)
    throw Error(ErrorCode::InvalidArgument, std::string("isolation_forest: anomaly detection needs no target; cannot learn a ") +
                                                std::string(taskName(data.task)) + " task");
  const FeatureMatrix& x = data.x;
  const std::size_t n = x.rows();
  const std::size_t d = x.cols();
  if (n == 0 || d == 0) throw Error(ErrorCode::InvalidArgument, "isolation_forest: no rows or no features");
  requireFinite(x, "fit");
  std::size_t samples = std::min<std::size_t>(256, n);
  if (params_.maxSamples > 0) samples = std::min(n, static_cast<std::size_t>(params_.maxSamples));  // sklearn warns, uses n
  if (params_.maxSamplesFraction > 0.0)
    samples = std::max<std::size_t>(1, static_cast<std::size_t>(params_.maxSamplesFraction * static_cast<double>(n)));
  const int maxDepth = static_cast<int>(std::ceil(std::log2(static_cast<double>(std::max<std::size_t>(samples, 2)))));

  std::mt19937_64 seeder(params_.seed ? *params_.seed : std::random_device{}());
  std::vector<std::uint64_t> seeds(static_cast<std::size_t>(params_.trees));
  for (auto& seed : seeds) seed = seeder();
  std::vector<Tree> trees(seeds.size());
  std::atomic<std::size_t> done{0};
  const auto caller = std::this_thread::get_id();  // progress sinks are not thread-safe
  jobs::parallelFor(trees.size(), params_.threads, [&](std::size_t t) {
    context.throwIfStopped();
    std::mt19937_64 rng(seeds[t]);
    // A subsample without replacement: a partial Fisher-Yates over the row numbers.
    std::vector<std::size_t> rows(n);
    std::iota(rows.begin(), rows.end(), std::size_t{0});
    for (std::size_t i = 0; i < samples; ++i)
      std::swap(rows[i], rows[std::uniform_int_distribution<std::size_t>(i, n - 1)(rng)]);
    std::vector<double> sample(samples * d);
    for (std::size_t f = 0; f < d; ++f) {
      const auto column = x.column(f);
      for (std::size_t i = 0; i < samples; ++i) sample[f * samples + i] = column[rows[i]];
    }
    trees[t] = growTree(sample, samples, d, maxDepth, rng);
    const double fraction = static_cast<double>(++done) / static_cast<double>(trees.size());
    if (std::this_thread::get_id() == caller) context.progress(0.8 * fraction, "growing isolation trees");
  });

  features_ = d;
  maxSamplesUsed_ = samples;
  treeStarts_.assign(1, 0);
  feature_.clear();
  threshold_.clear();
  left_.clear();
  leafDepth_.clear();
  for (const Tree& tree : trees) {
    feature_.insert(feature_.end(), tree.feature.begin(), tree.feature.end());
    threshold_.insert(threshold_.end(), tree.threshold.begin(), tree.threshold.end());
    left_.insert(left_.end(), tree.left.begin(), tree.left.end());
    leafDepth_.insert(leafDepth_.end(), tree.leafDepth.begin(), tree.leafDepth.end());
    treeStarts_.push_back(static_cast<std::uint32_t>(feature_.size()));
  }
  offset_ = -0.5;
  if (params_.contamination > 0.0) {
    // sklearn: np.percentile(score_samples(X), 100 * contamination), linear interpolation.
    context.progress(0.8, "scoring the training rows");
    std::vector<double> scores = scoreSamples(x);
    std::sort(scores.begin(), scores.end());
    const double position = params_.contamination * static_cast<double>(n - 1);
    const auto below = static_cast<std::size_t>(std::floor(position));
    const std::size_t above = std::min(n - 1, below + 1);
    offset_ = scores[below] + (position - static_cast<double>(below)) * (scores[above] - scores[below]);
  }
  context.progress(1.0, "isolation forest done");
}

std::vector<double> IsolationForest::scoreSamples(const FeatureMatrix& x) const {
  if (treeStarts_.size() < 2) throw Error(ErrorCode::InvalidArgument, "isolation_forest: predict before fit");
  if (x.cols() != features_)
    throw Error(ErrorCode::InvalidArgument, "isolation_forest: the model has " + std::to_string(features_) +
                                                " features, got " + std::to_string(x.cols()));
  requireFinite(x, "predict");
  const std::size_t trees = treeStarts_.size() - 1;
  const double normaliser = averagePathLength(static_cast<double>(maxSamplesUsed_)) * static_cast<double>(trees);
  std::vector<double> out(x.rows());
  constexpr std::size_t kBlock = 1024;
  jobs::parallelFor((x.rows() + kBlock - 1) / kBlock, params_.threads, [&](std::size_t b) {
    for (std::size_t r = b * kBlock; r < std::min(x.rows(), (b + 1) * kBlock); ++r) {
      double depth = 0.0;
      for (std::size_t t = 0; t < trees; ++t) {
        const std::size_t base = treeStarts_[t];
        std::size_t node = base;
        while (feature_[node] >= 0)
          node = base + static_cast<std::size_t>(left_[node]) +
                 (x.at(r, static_cast<std::size_t>(feature_[node])) <= threshold_[node] ? 0 : 1);
        depth += leafDepth_[node];
      }
      // One training row gives c(1) = 0: every row scores -0.5, as sklearn sets it.
      out[r] = -std::exp2(-(normaliser > 0.0 ? depth / normaliser : 1.0));
    }
  });
  return out;
}

std::vector<double> IsolationForest::decisionFunction(const FeatureMatrix& x) const {
  std::vector<double> scores = scoreSamples(x);
  for (double& s : scores) s -= offset_;
  return scores;
}

std::vector<double> IsolationForest::predict(const FeatureMatrix& x) const {
  std::vector<double> scores = decisionFunction(x);
  for (double& s : scores) s = s < 0.0 ? 1.0 : 0.0;
  return scores;
}

void IsolationForest::save(ModelWriter& out) const {
  out.u64(features_);
  out.u64(maxSamplesUsed_);
  out.f64(offset_);
  out.u32s(treeStarts_);
  out.i32s(feature_);
  out.f64s(threshold_);
  out.i32s(left_);
  out.f64s(leafDepth_);
}

void IsolationForest::load(ModelReader& in) {
  const std::size_t offset = in.offset();
  const std::uint64_t features = in.u64();
  const std::uint64_t maxSamples = in.u64();
  const double decisionOffset = in.f64();
  std::vector<std::uint32_t> starts = in.u32s();
  std::vector<std::int32_t> feature = in.i32s();
  std::vector<double> threshold = in.f64s();
  std::vector<std::int32_t> left = in.i32s();
  std::vector<double> leafDepth = in.f64s();
  const auto bad = [&](const std::string& why) {
    ErrorLocation where;
    where.byteOffset = static_cast<std::int64_t>(offset);
    throw Error(ErrorCode::Parse, "isolation_forest model: " + why, where);
  };
  if (features == 0 || features > (1u << 24)) bad("the feature count is out of range");
  if (maxSamples == 0 || maxSamples > (1ull << 40)) bad("max_samples is out of range");
  if (!std::isfinite(decisionOffset)) bad("the threshold is not a finite number");
  if (starts.size() != static_cast<std::size_t>(params_.trees) + 1 || starts.front() != 0)
    bad("the number of trees does not match n_estimators");
  const std::size_t nodes = feature.size();
  if (threshold.size() != nodes || left.size() != nodes || leafDepth.size() != nodes || starts.back() != nodes)
    bad("the node arrays do not agree in size");
  for (std::size_t t = 0; t + 1 < starts.size(); ++t) {
    if (starts[t + 1] <= starts[t]) bad("tree " + std::to_string(t) + " has no nodes");
    const std::size_t size = starts[t + 1] - starts[t];
    for (std::size_t i = 0; i < size; ++i) {
      const std::size_t node = starts[t] + i;
      if (feature[node] < 0) {
        if (feature[node] != -1 || !std::isfinite(leafDepth[node]) || leafDepth[node] < 0.0)
          bad("a leaf of tree " + std::to_string(t) + " is malformed");
        continue;
      }
      // Children point strictly forward, so every walk down a tree ends.
      if (static_cast<std::uint64_t>(feature[node]) >= features || !std::isfinite(threshold[node]) ||
          left[node] <= static_cast<std::int64_t>(i) || static_cast<std::size_t>(left[node]) + 1 >= size)
        bad("a split of tree " + std::to_string(t) + " has a feature, threshold or child out of range");
    }
  }
  features_ = static_cast<std::size_t>(features);
  maxSamplesUsed_ = static_cast<std::size_t>(maxSamples);
  offset_ = decisionOffset;
  treeStarts_ = std::move(starts);
  feature_ = std::move(feature);
  threshold_ = std::move(threshold);
  left_ = std::move(left);
  leafDepth_ = std::move(leafDepth);
}

}  // namespace lathe::ml
