#pragma once
#include <cstddef>
#include <cstdint>
#include <vector>

#include "engine/ml/FeatureMatrix.h"
#include "engine/ml/TreeStructure.h"

namespace lathe::ml {

// A prediction-only copy of fitted trees, made for speed: 16 bytes a node (TreeNode carries 56
// for drawing and saving), each tree laid out depth-first so that the left child is the next
// node and only the right child is stored, and a leaf's values stored right after it (the
// walk's last cache miss then brings them in). Rows are walked in blocks, tree by tree, so a
// tree's nodes stay in cache over a block. Built from trees that TreeStructure::read or
// TreeBuilder made (children after parents, feature indices in range), so every walk ends.
class CompactTrees {
 public:
  CompactTrees() = default;
  CompactTrees(const std::vector<TreeStructure>& trees, std::size_t valueSize);

  bool empty() const noexcept { return treeStart_.empty(); }
  // Adds every tree's leaf values for rows [begin, end) of `x` to `sums`, row-major
  // (row r at sums + (r - begin) * valueSize).
  void addLeafValues(const FeatureMatrix& x, std::size_t begin, std::size_t end, double* sums) const;

 private:
  struct Node {
    // A split's threshold; a leaf's first value (the next valueSize - 1 nodes hold the rest, in
    // their `threshold`).
    double threshold;
    // >= 0: split on that feature, a missing value goes right; <= -2: split on feature -2 - f,
    // a missing value goes left; -1: a leaf.
    std::int32_t feature;
    std::uint32_t right;  // a split's right child, as an index within its tree
  };
  static_assert(sizeof(Node) == 16);

  std::size_t valueSize_ = 0;
  std::vector<Node> nodes_;
  std::vector<std::size_t> treeStart_;  // per tree: its root in nodes_
};

}  // namespace lathe::ml
