#include "engine/explore/FeatureTargetData.h"

#include <algorithm>
#include <cmath>
#include <span>

#include "engine/core/Error.h"
#include "engine/data/ColumnProfile.h"
#include "engine/data/RowChunks.h"
#include "engine/explore/ChartColumns.h"
#include "engine/explore/LevelReader.h"
#include "engine/explore/NumericReader.h"
#include "engine/explore/TopLevels.h"

namespace lathe::explore {
namespace {

// Numeric feature, categorical target: bins as the column profile's histogram draws them (numpy's
// 'auto' rule over the feature's finite values in the rows counted), one count per class and bin.
void classHistograms(const data::Column& feature, const data::Column& target, FeatureTargetData& out,
                     const jobs::JobContext& context) {
  const NumericReader value(feature);
  const LevelReader cls(target);
  const std::size_t rows = feature.size();
  std::vector<double> counted;
  counted.reserve(rows - std::max(feature.missingCount(), target.missingCount()));
  std::vector<std::uint64_t> classCounts(cls.levelCount());
  data::forEachRowChunk(rows, context, [&](std::size_t begin, std::size_t end) {
    for (std::size_t row = begin; row < end; ++row) {
      const std::int32_t code = cls.code(row);
      const double v = value.at(row);
      if (code < 0 || !std::isfinite(v)) continue;
      counted.push_back(v);
      ++classCounts[static_cast<std::size_t>(code)];
    }
  });
  context.progress(0.2);
  const data::ColumnProfile profile =
      data::profileColumn(*data::Column::float64(feature.name(), std::move(counted)), context.subRange(0.2, 0.7));
  if (profile.histogram.empty()) return;  // no row has both values
  for (const auto& bin : profile.histogram) out.binEdges.push_back(bin.low);
  out.binEdges.push_back(profile.histogram.back().high);
  const TopLevels classes(classCounts, cls.names(), ScatterSample::kMaxCategories, true);
  out.classes = classes.names();
  out.classCounts.assign(classes.size(), std::vector<std::uint64_t>(profile.histogram.size()));
  // A value v is in bin j when edge[j] <= v < edge[j + 1], the last bin also holding its high edge.
  const auto inner = std::span<const double>(out.binEdges).subspan(1, out.binEdges.size() - 2);
  data::forEachRowChunk(rows, context, [&](std::size_t begin, std::size_t end) {
    for (std::size_t row = begin; row < end; ++row) {
      const std::int32_t slot = classes.slotOf(cls.code(row));
      const double v = value.at(row);
      if (slot < 0 || !std::isfinite(v)) continue;
      const auto bin = static_cast<std::size_t>(std::upper_bound(inner.begin(), inner.end(), v) - inner.begin());
      ++out.classCounts[static_cast<std::size_t>(slot)][bin];
    }
  });
}

// Categorical feature, categorical target: a contingency table of the feature's most frequent
// levels against the target's classes. Rows of the feature's other levels are left out.
void classShares(const data::Column& feature, const data::Column& target, FeatureTargetData& out,
                 const jobs::JobContext& context) {
  const LevelReader lvl(feature);
  const LevelReader cls(target);
  const std::size_t rows = feature.size();
  std::vector<std::uint64_t> levelCounts(lvl.levelCount());
  std::vector<std::uint64_t> classCounts(cls.levelCount());
  data::forEachRowChunk(rows, context, [&](std::size_t begin, std::size_t end) {
    for (std::size_t row = begin; row < end; ++row) {
      const std::int32_t l = lvl.code(row);
      const std::int32_t c = cls.code(row);
      if (l < 0 || c < 0) continue;
      ++levelCounts[static_cast<std::size_t>(l)];
      ++classCounts[static_cast<std::size_t>(c)];
    }
  });
  context.progress(0.5);
  const TopLevels levels(levelCounts, lvl.names(), BoxPlotData::kMaxGroups, false);
  const TopLevels classes(classCounts, cls.names(), ScatterSample::kMaxCategories, true);
  out.levels = levels.names();
  out.classes = classes.names();
  out.classCounts.assign(classes.size(), std::vector<std::uint64_t>(levels.size()));
  data::forEachRowChunk(rows, context, [&](std::size_t begin, std::size_t end) {
    for (std::size_t row = begin; row < end; ++row) {
      const std::int32_t l = levels.slotOf(lvl.code(row));
      const std::int32_t c = classes.slotOf(cls.code(row));
      if (l >= 0 && c >= 0) ++out.classCounts[static_cast<std::size_t>(c)][static_cast<std::size_t>(l)];
    }
  });
}

}  // namespace

FeatureTargetData FeatureTargetData::of(const data::Table& table, const std::string& feature,
                                        const std::string& target, const jobs::JobContext& context) {
  const data::Column& featureColumn = chartColumn(table, feature, "a feature-target chart");
  const data::Column& targetColumn = chartColumn(table, target, "a feature-target chart");
  if (feature == target)
    throw Error(ErrorCode::InvalidArgument,
                "Column '" + feature + "' is both the feature and the target; choose two different columns", {},
                feature);
  FeatureTargetData out;
  out.feature = feature;
  out.target = target;
  // Bool is read as two levels on either side; datetime as a numeric axis.
  const bool featureLevels = isLevelColumn(featureColumn.type());
  const bool targetLevels = isLevelColumn(targetColumn.type());
  const std::string message = "Relating " + feature + " to " + target;
  context.progress(0.0, message);
  if (!featureLevels && targetLevels) {
    out.kind = Kind::ClassHistograms;
    classHistograms(featureColumn, targetColumn, out, context);
  } else if (featureLevels && targetLevels) {
    out.kind = Kind::ClassShares;
    classShares(featureColumn, targetColumn, out, context);
  } else if (featureLevels) {
    out.kind = Kind::Boxes;
    out.boxes = BoxPlotData::of(table, target, feature, context);
  } else {
    out.kind = Kind::Scatter;
    out.scatter = ScatterSample::of(table, feature, target, {}, context);
  }
  context.progress(1.0, message);
  return out;
}

}  // namespace lathe::explore
