#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "engine/data/Table.h"
#include "engine/jobs/JobContext.h"

namespace lathe::explore {

// One box of a box plot: Tukey's five numbers of a column's present, finite values (linear
// interpolation between order statistics, as pandas' quantile()), whiskers at the furthest values
// within 1.5 IQR of the box, and the values beyond them.
struct BoxStats {
  static constexpr std::size_t kMaxOutliers = 500;  // the most extreme ones are kept first

  std::string group;  // the level of the group column; empty when the plot is not grouped
  std::uint64_t count = 0;
  double q1 = 0.0, median = 0.0, q3 = 0.0;
  double lowerWhisker = 0.0, upperWhisker = 0.0;
  double min = 0.0, max = 0.0;
  std::vector<double> outliers;    // at most kMaxOutliers
  std::uint64_t outlierCount = 0;  // all of them, including those not kept
};

// A box plot of a numeric (or datetime, in microseconds) column, optionally one box per level of
// a categorical or bool column (at most kMaxGroups: the most frequent levels). Groups without a
// present value are left out.
struct BoxPlotData {
  static constexpr std::size_t kMaxGroups = 30;

  std::string column;
  std::string groupColumn;  // empty: one box
  std::vector<BoxStats> boxes;

  // Throws lathe::Error(InvalidArgument) naming the column when `column` is missing or not
  // numeric, or `groupBy` is missing or not categorical/bool. Honours the stop token.
  static BoxPlotData of(const data::Table& table, const std::string& column, const std::string& groupBy,
                        const jobs::JobContext& context);
};

}  // namespace lathe::explore
