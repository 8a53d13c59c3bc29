#pragma once
#include <cstddef>
#include <cstdint>
#include <limits>
#include <span>
#include <vector>

#include "engine/ml/BinnedFeatures.h"
#include "engine/ml/TreeStructure.h"

namespace lathe::jobs {
class JobContext;
}

namespace lathe::ml {

enum class TreeCriterion { Gini, Entropy, SquaredError };

// How a tree grows (scikit-learn's meaning for each).
struct TreeSettings {
  TreeCriterion criterion = TreeCriterion::Gini;
  std::size_t maxDepth = std::numeric_limits<std::size_t>::max();
  std::size_t minSamplesSplit = 2;
  std::size_t minSamplesLeaf = 1;
  std::size_t maxFeatures = std::numeric_limits<std::size_t>::max();  // features tried per node
};

// Grows one CART tree from binned features: depth first (scikit-learn's node order), the best
// split per node found from per-bin histograms. When every feature is tried at every node, the
// larger child's histograms are the parent's minus the smaller child's (the subtraction trick),
// so only the smaller child's rows are scanned. Missing values go to the side that gains most
// (to the larger child when the node saw none). Memory: the codes, one row index per row, and a
// bounded pool of histograms.
class TreeBuilder {
 public:
  // `y`: class indices (classification, `classes` > 0) or values (regression, `classes` 0).
  TreeBuilder(const BinnedFeatures& bins, std::span<const double> y, std::size_t classes, TreeSettings settings);

  // `rows`: the rows to learn from; `weights`: a weight per row of the whole set (bootstrap
  // counts), empty for 1 each. Checks the stop token every few ms; when `reportProgress`, reports
  // the share of rows settled in leaves.
  TreeStructure build(std::vector<std::uint32_t> rows, std::span<const double> weights, std::uint64_t seed,
                      const jobs::JobContext& context, bool reportProgress) const;

  // Impurity-decrease importances of a tree, normalised to sum 1 (all zeros for a lone leaf).
  static std::vector<double> importances(const TreeStructure& tree, std::size_t features);

 private:
  friend class TreeGrowth;
  const BinnedFeatures& bins_;
  std::span<const double> y_;
  std::size_t classes_;
  TreeSettings settings_;
};

}  // namespace lathe::ml
