#include "engine/ml/TreeBuilder.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <random>

#include "engine/jobs/JobContext.h"

namespace lathe::ml {
namespace {

constexpr std::size_t kBins = 256;                 // codes 0..254 for values, 255 for NaN
constexpr std::size_t kSubtractMinRows = 2048;     // below this, scanning rows directly is cheaper
constexpr std::size_t kHistogramBudget = 256u << 20;  // bytes of pooled histograms per tree
constexpr std::size_t kWorkPerStopCheck = 1u << 21;   // row-feature visits between stop checks

struct BinRange {
  std::size_t low = kBins;
  std::size_t high = 0;  // inclusive; low > high: no value bins used
};

}  // namespace

// The state of one tree being grown; lives only inside TreeBuilder::build.
class TreeGrowth {
 public:
  TreeGrowth(const TreeBuilder& builder, std::span<const double> weights, const jobs::JobContext& context)
      : b_(builder),
        weights_(weights),
        context_(context),
        features_(builder.bins_.features()),
        stride_(builder.classes_ > 0 ? 2 + builder.classes_ : 4),
        scratch_(kBins * stride_, 0.0) {}

  TreeStructure grow(std::vector<std::uint32_t> rows, std::uint64_t seed, bool reportProgress);

 private:
  struct Pending {
    std::uint32_t begin, end;
    std::int32_t parent;
    bool isLeft;
    std::size_t depth;
    int histogram;  // pooled full-node histogram, or -1
  };
  struct Split {
    bool found = false;
    std::size_t feature = 0;
    std::size_t lastLeftBin = 0;  // codes <= this go left
    double threshold = 0.0;
    bool missingGoesLeft = true;
    double proxy = -std::numeric_limits<double>::infinity();
    std::vector<double> left, right;
  };

  double weightOf(std::uint32_t row) const { return weights_.empty() ? 1.0 : weights_[row]; }
  void addRow(double* s, std::uint32_t row) const {
    const double w = weightOf(row);
    s[0] += 1.0;
    s[1] += w;
    const double y = b_.y_[row];
    if (b_.classes_ > 0) {
      s[2 + static_cast<std::size_t>(y)] += w;
    } else {
      s[2] += w * y;
      s[3] += w * y * y;
    }
  }
  double impurity(const double* s) const {
    const double w = s[1];
    if (w <= 0.0) return 0.0;
    if (b_.classes_ == 0) return std::max(0.0, s[3] / w - (s[2] / w) * (s[2] / w));
    double out = b_.settings_.criterion == TreeCriterion::Gini ? 1.0 : 0.0;
    for (std::size_t k = 0; k < b_.classes_; ++k) {
      const double p = s[2 + k] / w;
      if (b_.settings_.criterion == TreeCriterion::Gini)
        out -= p * p;
      else if (p > 0.0)
        out -= p * std::log2(p);
    }
    return out;
  }
  // Accumulates one feature's histogram of rows [begin, end) into h (kBins * stride_).
  BinRange accumulate(std::size_t feature, std::uint32_t begin, std::uint32_t end, double* h) {
    const auto codes = b_.bins_.codes(feature);
    BinRange range;
    for (std::uint32_t i = begin; i < end; ++i) {
      const std::uint32_t row = rows_[i];
      const std::size_t code = codes[row];
      addRow(h + code * stride_, row);
      if (code != BinnedFeatures::kMissing) {
        range.low = std::min(range.low, code);
        range.high = std::max(range.high, code);
      }
    }
    work(end - begin);
    return range;
  }
  void work(std::size_t amount) {
    workSinceCheck_ += amount;
    if (workSinceCheck_ >= kWorkPerStopCheck) {
      workSinceCheck_ = 0;
      context_.throwIfStopped();
    }
  }
  int fullHistogram(std::uint32_t begin, std::uint32_t end);
  void evaluate(std::size_t feature, const double* h, BinRange range, const std::vector<double>& total, Split& best);
  Split findSplit(const Pending& node, const std::vector<double>& total, std::mt19937_64& random);

  const TreeBuilder& b_;
  std::span<const double> weights_;
  const jobs::JobContext& context_;
  std::size_t features_;
  std::size_t stride_;
  std::vector<std::uint32_t> rows_;
  std::vector<double> scratch_;  // one feature's histogram, kept zeroed between uses
  std::vector<std::vector<double>> pool_;
  std::vector<std::vector<BinRange>> poolRanges_;
  std::vector<int> freeHistograms_;
  std::vector<std::size_t> order_;
  std::vector<double> left_, right_, candidateLeft_, candidateRight_;
  std::size_t workSinceCheck_ = 0;
};

int TreeGrowth::fullHistogram(std::uint32_t begin, std::uint32_t end) {
  int id;
  if (!freeHistograms_.empty()) {
    id = freeHistograms_.back();
    freeHistograms_.pop_back();
    std::fill(pool_[static_cast<std::size_t>(id)].begin(), pool_[static_cast<std::size_t>(id)].end(), 0.0);
  } else {
    const std::size_t bytes = features_ * kBins * stride_ * sizeof(double);
    if ((pool_.size() + 1) * bytes > kHistogramBudget) return -1;
    id = static_cast<int>(pool_.size());
    pool_.emplace_back(features_ * kBins * stride_, 0.0);
    poolRanges_.emplace_back(features_);
  }
  auto& h = pool_[static_cast<std::size_t>(id)];
  for (std::size_t f = 0; f < features_; ++f)
    poolRanges_[static_cast<std::size_t>(id)][f] = accumulate(f, begin, end, h.data() + f * kBins * stride_);
  return id;
}

void TreeGrowth::evaluate(std::size_t feature, const double* h, BinRange range, const std::vector<double>& total,
                          Split& best) {
  const std::size_t minLeaf = b_.settings_.minSamplesLeaf;
  const double* missing = h + BinnedFeatures::kMissing * stride_;
  const bool hasMissing = missing[0] > 0.0;
  std::fill(left_.begin(), left_.end(), 0.0);
  const auto consider = [&](bool missingLeft, std::size_t lastLeft, double threshold) {
    for (std::size_t c = 0; c < stride_; ++c) {
      candidateLeft_[c] = left_[c] + (missingLeft ? missing[c] : 0.0);
      candidateRight_[c] = total[c] - candidateLeft_[c];
    }
    if (candidateLeft_[0] < static_cast<double>(minLeaf) || candidateRight_[0] < static_cast<double>(minLeaf)) return;
    if (candidateLeft_[1] <= 0.0 || candidateRight_[1] <= 0.0) return;
    const double proxy = -candidateLeft_[1] * impurity(candidateLeft_.data()) - candidateRight_[1] * impurity(candidateRight_.data());
    if (proxy > best.proxy) {
      best.found = true;
      best.proxy = proxy;
      best.feature = feature;
      best.lastLeftBin = lastLeft;
      best.threshold = threshold;
      // With no missing value at this node, unseen NaNs follow the larger side (scikit-learn 1.3).
      best.missingGoesLeft = hasMissing ? missingLeft : candidateLeft_[0] >= candidateRight_[0];
      best.left = candidateLeft_;
      best.right = candidateRight_;
    }
  };
  std::size_t previous = kBins;
  for (std::size_t bin = range.low; bin <= range.high && range.low <= range.high; ++bin) {
    const double* s = h + bin * stride_;
    if (s[0] == 0.0) continue;
    if (previous != kBins) {
      const double threshold = b_.bins_.threshold(feature, previous, bin);
      consider(false, previous, threshold);
      if (hasMissing) consider(true, previous, threshold);
    }
    for (std::size_t c = 0; c < stride_; ++c) left_[c] += s[c];
    previous = bin;
  }
  // Missing against everything else: values go left, NaN right.
  if (hasMissing && previous != kBins) consider(false, previous, std::numeric_limits<double>::infinity());
}

TreeGrowth::Split TreeGrowth::findSplit(const Pending& node, const std::vector<double>& total, std::mt19937_64& random) {
  Split best;
  const std::size_t wanted = std::min(b_.settings_.maxFeatures, features_);
  std::iota(order_.begin(), order_.end(), std::size_t{0});
  std::size_t visitedVarying = 0;
  for (std::size_t i = 0; i < features_; ++i) {
    if (visitedVarying >= wanted && best.found) break;
    if (wanted < features_) {  // draw without replacement, as scikit-learn
      std::uniform_int_distribution<std::size_t> pick(i, features_ - 1);
      std::swap(order_[i], order_[pick(random)]);
    }
    const std::size_t f = order_[i];
    const double* h;
    BinRange range;
    if (node.histogram >= 0) {
      h = pool_[static_cast<std::size_t>(node.histogram)].data() + f * kBins * stride_;
      range = poolRanges_[static_cast<std::size_t>(node.histogram)][f];
    } else {
      range = accumulate(f, node.begin, node.end, scratch_.data());
      h = scratch_.data();
    }
    const bool varies = (range.low < range.high) || (range.low == range.high && h[BinnedFeatures::kMissing * stride_] > 0.0);
    if (varies) {
      ++visitedVarying;
      evaluate(f, h, range, total, best);
    }
    if (node.histogram < 0) {  // leave the scratch zeroed for the next feature
      if (range.low <= range.high)
        std::fill(scratch_.begin() + static_cast<std::ptrdiff_t>(range.low * stride_),
                  scratch_.begin() + static_cast<std::ptrdiff_t>((range.high + 1) * stride_), 0.0);
      std::fill(scratch_.begin() + static_cast<std::ptrdiff_t>(BinnedFeatures::kMissing * stride_), scratch_.end(), 0.0);
    }
  }
  return best;
}

TreeStructure TreeGrowth::grow(std::vector<std::uint32_t> rows, std::uint64_t seed, bool reportProgress) {
  rows_ = std::move(rows);
  order_.resize(features_);
  left_.assign(stride_, 0.0);
  candidateLeft_.assign(stride_, 0.0);
  candidateRight_.assign(stride_, 0.0);
  std::mt19937_64 random(seed);
  const TreeSettings& settings = b_.settings_;
  const bool subtract = settings.maxFeatures >= features_;
  TreeStructure tree;
  tree.valueSize = b_.classes_ > 0 ? b_.classes_ : 1;
  const auto totalRows = static_cast<double>(rows_.size());
  double settledRows = 0.0;
  double lastReported = 0.0;

  std::vector<Pending> stack;
  // The totals of each pending node, a stack beside `stack`: a child's are its split side's, so
  // only the root's rows are summed.
  std::vector<double> stackTotals;
  const auto rootRows = static_cast<std::uint32_t>(rows_.size());
  stack.push_back({0, rootRows, -1, false, 0, subtract && rootRows >= kSubtractMinRows ? fullHistogram(0, rootRows) : -1});
  stackTotals.assign(stride_, 0.0);
  for (std::uint32_t i = 0; i < rootRows; ++i) addRow(stackTotals.data(), rows_[i]);
  std::vector<double> total(stride_);
  while (!stack.empty()) {
    const Pending node = stack.back();
    stack.pop_back();
    std::copy(stackTotals.end() - static_cast<std::ptrdiff_t>(stride_), stackTotals.end(), total.begin());
    stackTotals.resize(stackTotals.size() - stride_);
    const auto id = static_cast<std::int32_t>(tree.nodes.size());
    TreeNode out;
    out.samples = total[0];
    out.weightedSamples = total[1];
    out.impurity = impurity(total.data());
    tree.nodes.push_back(out);
    for (std::size_t k = 0; k < tree.valueSize; ++k)
      tree.values.push_back(b_.classes_ > 0 ? (total[1] > 0 ? total[2 + k] / total[1] : 0.0)
                                            : (total[1] > 0 ? total[2] / total[1] : 0.0));
    if (node.parent >= 0) {
      TreeNode& parent = tree.nodes[static_cast<std::size_t>(node.parent)];
      (node.isLeft ? parent.left : parent.right) = id;
    }
    const auto n = static_cast<std::size_t>(node.end - node.begin);
    bool leaf = node.depth >= settings.maxDepth || n < settings.minSamplesSplit || n < 2 * settings.minSamplesLeaf ||
                out.impurity <= std::numeric_limits<double>::epsilon();
    Split split;
    if (!leaf) {
      split = findSplit(node, total, random);
      leaf = !split.found;
    }
    if (leaf) {
      if (node.histogram >= 0) freeHistograms_.push_back(node.histogram);
      settledRows += static_cast<double>(n);
      if (reportProgress && settledRows - lastReported >= totalRows / 100.0) {
        lastReported = settledRows;
        context_.progress(settledRows / totalRows, "Growing the tree");
      }
      continue;
    }
    TreeNode& self = tree.nodes[static_cast<std::size_t>(id)];
    self.feature = static_cast<std::int32_t>(split.feature);
    self.threshold = split.threshold;
    self.missingGoesLeft = split.missingGoesLeft;
    const auto codes = b_.bins_.codes(split.feature);
    const auto middle = std::partition(rows_.begin() + node.begin, rows_.begin() + node.end, [&](std::uint32_t row) {
      const std::uint8_t code = codes[row];
      return code == BinnedFeatures::kMissing ? split.missingGoesLeft : code <= split.lastLeftBin;
    });
    work(n);
    const auto mid = static_cast<std::uint32_t>(middle - rows_.begin());
    Pending left{node.begin, mid, id, true, node.depth + 1, -1};
    Pending right{mid, node.end, id, false, node.depth + 1, -1};
    if (node.histogram >= 0) {
      Pending& small = (mid - node.begin) <= (node.end - mid) ? left : right;
      Pending& large = &small == &left ? right : left;
      if (large.end - large.begin >= kSubtractMinRows) {
        small.histogram = fullHistogram(small.begin, small.end);
        if (small.histogram >= 0) {
          auto& parent = pool_[static_cast<std::size_t>(node.histogram)];
          const auto& child = pool_[static_cast<std::size_t>(small.histogram)];
          for (std::size_t i = 0; i < parent.size(); ++i) parent[i] -= child[i];
          large.histogram = node.histogram;  // keeps the parent's bin ranges, a superset
        }
      }
      if (large.histogram < 0) freeHistograms_.push_back(node.histogram);
    }
    stack.push_back(right);  // left is grown first: scikit-learn's node order
    stackTotals.insert(stackTotals.end(), split.right.begin(), split.right.end());
    stack.push_back(left);
    stackTotals.insert(stackTotals.end(), split.left.begin(), split.left.end());
  }
  if (reportProgress) context_.progress(1.0, "Growing the tree");
  return tree;
}

TreeBuilder::TreeBuilder(const BinnedFeatures& bins, std::span<const double> y, std::size_t classes, TreeSettings settings)
    : bins_(bins), y_(y), classes_(classes), settings_(settings) {}

TreeStructure TreeBuilder::build(std::vector<std::uint32_t> rows, std::span<const double> weights, std::uint64_t seed,
                                 const jobs::JobContext& context, bool reportProgress) const {
  TreeGrowth growth(*this, weights, context);
  return growth.grow(std::move(rows), seed, reportProgress);
}

std::vector<double> TreeBuilder::importances(const TreeStructure& tree, std::size_t features) {
  std::vector<double> out(features, 0.0);
  for (const TreeNode& node : tree.nodes) {
    if (node.isLeaf()) continue;
    const TreeNode& l = tree.nodes[static_cast<std::size_t>(node.left)];
    const TreeNode& r = tree.nodes[static_cast<std::size_t>(node.right)];
    out[static_cast<std::size_t>(node.feature)] +=
        node.weightedSamples * node.impurity - l.weightedSamples * l.impurity - r.weightedSamples * r.impurity;
  }
  const double sum = std::accumulate(out.begin(), out.end(), 0.0);
  if (sum > 0.0)
    for (double& v : out) v /= sum;
  return out;
}

}  // namespace lathe::ml
