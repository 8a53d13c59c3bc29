#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "engine/explore/BoxPlotData.h"
#include "engine/explore/ScatterSample.h"

namespace lathe::explore {

// A feature against the target, in the form that shows their relation best:
// - ClassHistograms: numeric feature, categorical/bool target: one histogram per class over
//   shared equal-width bins (`binEdges`, counts per class in `classCounts[class][bin]`).
// - ClassShares: categorical/bool feature, categorical/bool target: per feature level (at most
//   BoxPlotData::kMaxGroups), how many rows of each class (`classCounts[class][level]`).
// - Boxes: categorical/bool feature, numeric target: the target's box per feature level.
// - Scatter: numeric feature, numeric target.
// Rows where the feature or the target is missing are left out; targets have at most
// ScatterSample::kMaxCategories classes shown, the rest pooled as "Other".
struct FeatureTargetData {
  enum class Kind { ClassHistograms, ClassShares, Boxes, Scatter };

  Kind kind = Kind::ClassHistograms;
  std::string feature, target;
  std::vector<std::string> classes;                     // ClassHistograms, ClassShares
  std::vector<std::string> levels;                      // ClassShares: the feature's levels
  std::vector<double> binEdges;                         // ClassHistograms: bins + 1 edges
  std::vector<std::vector<std::uint64_t>> classCounts;  // ClassHistograms, ClassShares
  BoxPlotData boxes;                                    // Boxes
  ScatterSample scatter;                                // Scatter

  // Throws lathe::Error(InvalidArgument) naming the column when either is missing, is text, or
  // they are the same column. Honours the stop token.
  static FeatureTargetData of(const data::Table& table, const std::string& feature, const std::string& target,
                              const jobs::JobContext& context);
};

}  // namespace lathe::explore
