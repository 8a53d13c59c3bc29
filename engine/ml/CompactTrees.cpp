#include "engine/ml/CompactTrees.h"

#include <algorithm>
#include <cstdint>
#include <limits>
#include <utility>

#include "engine/core/Error.h"

namespace lathe::ml {

CompactTrees::CompactTrees(const std::vector<TreeStructure>& trees, std::size_t valueSize) : valueSize_(valueSize) {
  std::size_t total = 0;
  for (const TreeStructure& tree : trees) total += tree.nodes.size() + tree.leafCount() * (valueSize - 1);
  nodes_.reserve(total);
  constexpr std::size_t kNoParent = static_cast<std::size_t>(-1);
  std::vector<std::pair<std::size_t, std::size_t>> todo;  // (source node, the split whose right child it is)
  for (const TreeStructure& tree : trees) {
    const std::size_t root = nodes_.size();
    treeStart_.push_back(root);
    // Depth first, left first: a split's left child lands right after it; its right child's
    // index is written into it when the walk gets there.
    todo.assign(1, {0, kNoParent});
    while (!todo.empty()) {
      const auto [source, parent] = todo.back();
      todo.pop_back();
      const std::size_t at = nodes_.size();
      if (at - root > std::numeric_limits<std::uint32_t>::max())
        throw Error(ErrorCode::Unsupported, "forest: a tree too large to predict with");
      if (parent != kNoParent) nodes_[parent].right = static_cast<std::uint32_t>(at - root);
      const TreeNode& node = tree.nodes[source];
      if (node.isLeaf()) {
        const auto value = tree.value(source);
        for (std::size_t c = 0; c < valueSize; ++c) nodes_.push_back({value[c], c == 0 ? -1 : 0, 0});
        continue;
      }
      // -2 - feature would overflow for the last int32s; no real table has 2^31 columns.
      if (node.feature > std::numeric_limits<std::int32_t>::max() - 2)
        throw Error(ErrorCode::Unsupported, "forest: too many features to predict with");
      nodes_.push_back({node.threshold, node.missingGoesLeft ? -2 - node.feature : node.feature, 0});
      todo.push_back({static_cast<std::size_t>(node.right), at});
      todo.push_back({static_cast<std::size_t>(node.left), kNoParent});
    }
  }
}

void CompactTrees::addLeafValues(const FeatureMatrix& x, std::size_t begin, std::size_t end, double* sums) const {
  // Walks kLanes rows through a tree side by side: each step of one row waits on a node load
  // that is likely a cache miss, and independent walks let those misses overlap.
  constexpr std::size_t kLanes = 8;
  const std::size_t k = valueSize_;
  for (const std::size_t start : treeStart_) {
    const Node* tree = nodes_.data() + start;
    for (std::size_t first = begin; first < end; first += kLanes) {
      const std::size_t lanes = std::min(kLanes, end - first);
      const Node* at[kLanes];
      for (std::size_t lane = 0; lane < lanes; ++lane) at[lane] = tree;
      for (bool moving = true; moving;) {
        moving = false;
        for (std::size_t lane = 0; lane < lanes; ++lane) {
          const Node* node = at[lane];
          if (node->feature == -1) continue;
          const bool missingLeft = node->feature < 0;
          const auto feature = static_cast<std::size_t>(missingLeft ? -2 - node->feature : node->feature);
          const double v = x.at(first + lane, feature);
          // NaN fails both comparisons: !(v > t) sends it left, v <= t sends it right.
          const bool left = missingLeft ? !(v > node->threshold) : v <= node->threshold;
          at[lane] = left ? node + 1 : tree + node->right;
          moving = true;
        }
      }
      for (std::size_t lane = 0; lane < lanes; ++lane) {
        double* sum = sums + (first + lane - begin) * k;
        for (std::size_t c = 0; c < k; ++c) sum[c] += at[lane][c].threshold;
      }
    }
  }
}

}  // namespace lathe::ml
