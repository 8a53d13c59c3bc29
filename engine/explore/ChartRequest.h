#pragma once
#include <string>

namespace lathe::explore {

enum class ChartKind { Histogram, BoxPlot, Scatter, Correlation, FeatureTarget };

// Which chart the user asked for, and of which columns:
// - Histogram: `column`.
// - BoxPlot: `column`, one box per level of `groupColumn` if it is set.
// - Scatter: `column` on x, `secondColumn` on y, coloured by `groupColumn` if it is set.
// - Correlation: every numeric column; no names.
// - FeatureTarget: `column` is the feature, `secondColumn` the target.
struct ChartRequest {
  ChartKind kind = ChartKind::Histogram;
  std::string column;
  std::string secondColumn;
  std::string groupColumn;

  // In English, for the job log: "box plot of 'Body Mass (g)' by 'Species'".
  std::string describe() const {
    auto quoted = [](const std::string& name) { return "'" + name + "'"; };
    switch (kind) {
      case ChartKind::Histogram: return "histogram of " + quoted(column);
      case ChartKind::BoxPlot:
        return "box plot of " + quoted(column) + (groupColumn.empty() ? "" : " by " + quoted(groupColumn));
      case ChartKind::Scatter:
        return "scatter plot of " + quoted(secondColumn) + " against " + quoted(column) +
               (groupColumn.empty() ? "" : ", coloured by " + quoted(groupColumn));
      case ChartKind::Correlation: return "correlation matrix of the numeric columns";
      case ChartKind::FeatureTarget: return "feature " + quoted(column) + " against target " + quoted(secondColumn);
    }
    return "chart";
  }
};

}  // namespace lathe::explore
