#pragma once
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "engine/ml/FeatureMatrix.h"

namespace lathe::ml {

class ModelWriter;
class ModelReader;

// One node of a fitted decision tree, as the GUI draws it. A row goes left when its value of
// `feature` is <= threshold; a missing value (NaN) goes left when missingGoesLeft.
struct TreeNode {
  std::int32_t feature = -1;  // -1: a leaf
  double threshold = 0.0;
  std::int32_t left = -1;
  std::int32_t right = -1;
  bool missingGoesLeft = true;
  double samples = 0.0;          // training rows that reached the node (distinct rows)
  double weightedSamples = 0.0;  // the same counted with bootstrap weights (= samples for a lone tree)
  double impurity = 0.0;         // gini, entropy (bits) or variance of the node's rows
  bool isLeaf() const noexcept { return feature < 0; }
};

// A fitted tree as plain data: nodes in depth-first order, left subtree first, node 0 the root
// (scikit-learn's numbering). Per node, `valueSize` values: the class shares of its training rows
// (classification) or their mean (regression, valueSize 1).
struct TreeStructure {
  std::vector<TreeNode> nodes;
  std::size_t valueSize = 0;
  std::vector<double> values;  // nodes.size() * valueSize

  std::span<const double> value(std::size_t node) const { return {values.data() + node * valueSize, valueSize}; }

  // The leaf a row of `x` lands in.
  std::size_t leafOf(const FeatureMatrix& x, std::size_t row) const {
    std::size_t n = 0;
    while (!nodes[n].isLeaf()) {
      const TreeNode& node = nodes[n];
      const double v = x.at(row, static_cast<std::size_t>(node.feature));
      const bool left = std::isnan(v) ? node.missingGoesLeft : v <= node.threshold;
      n = static_cast<std::size_t>(left ? node.left : node.right);
    }
    return n;
  }
  std::size_t depth() const;
  std::size_t leafCount() const;

  // As data through ModelFile. read() checks everything against `features` and `valueSize`:
  // feature indices in range, children after their parent (so every walk ends), finite
  // thresholds and values; a bad file is lathe::Error(Parse).
  void write(ModelWriter& out) const;
  static TreeStructure read(ModelReader& in, std::size_t features, std::size_t valueSize);
};

}  // namespace lathe::ml
