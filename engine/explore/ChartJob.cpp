#include "engine/explore/ChartJob.h"

#include "engine/core/Error.h"
#include "engine/explore/ChartColumns.h"

namespace lathe::explore {

std::string ChartJob::name() const {
  const ChartRequest& r = request_;
  switch (r.kind) {
    case ChartKind::Histogram: return "Histogram: " + r.column;
    case ChartKind::BoxPlot: return "Box plot: " + r.column + (r.groupColumn.empty() ? "" : " by " + r.groupColumn);
    case ChartKind::Scatter: return "Scatter: " + r.secondColumn + " against " + r.column;
    case ChartKind::Correlation: return "Correlation matrix";
    case ChartKind::FeatureTarget: return "Feature vs target: " + r.column + " against " + r.secondColumn;
  }
  return "Chart";
}

void ChartJob::run(jobs::JobContext& context) {
  // Results of an earlier run are dropped, so a failed rerun never leaves a stale chart behind.
  histogram_.reset();
  boxPlot_.reset();
  scatter_.reset();
  correlation_.reset();
  featureTarget_.reset();
  if (!table_) throw Error(ErrorCode::InvalidArgument, "There is no table to chart");
  const data::Table& table = *table_;
  switch (request_.kind) {
    case ChartKind::Histogram:
      histogram_ = data::profileColumn(chartColumn(table, request_.column, "a histogram"), context);
      break;
    case ChartKind::BoxPlot:
      boxPlot_ = BoxPlotData::of(table, request_.column, request_.groupColumn, context);
      break;
    case ChartKind::Scatter:
      scatter_ = ScatterSample::of(table, request_.column, request_.secondColumn, request_.groupColumn, context);
      break;
    case ChartKind::Correlation: correlation_ = CorrelationMatrix::of(table, context); break;
    case ChartKind::FeatureTarget:
      featureTarget_ = FeatureTargetData::of(table, request_.column, request_.secondColumn, context);
      break;
  }
  context.progress(1.0);
}

}  // namespace lathe::explore
