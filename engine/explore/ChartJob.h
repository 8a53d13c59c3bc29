#pragma once
#include <memory>
#include <optional>
#include <string>

#include "engine/data/ColumnProfile.h"
#include "engine/data/Table.h"
#include "engine/explore/BoxPlotData.h"
#include "engine/explore/ChartRequest.h"
#include "engine/explore/CorrelationMatrix.h"
#include "engine/explore/FeatureTargetData.h"
#include "engine/explore/ScatterSample.h"
#include "engine/jobs/Job.h"

namespace lathe::explore {

// Computes one chart off the GUI thread, on an immutable table. After run() returns, exactly the
// result of the request's kind is set: histogram() (a data::ColumnProfile, whose histogram or top
// categories the chart draws), boxPlot(), scatter(), correlation() or featureTarget().
// run() throws lathe::Error(InvalidArgument) naming the column for a missing column or one of a
// type the chart cannot draw (text is never charted), and jobs::JobCancelled when stopped.
class ChartJob final : public jobs::Job {
 public:
  ChartJob(std::shared_ptr<const data::Table> table, ChartRequest request)
      : table_(std::move(table)), request_(std::move(request)) {}

  // "Box plot: Body Mass (g) by Species".
  std::string name() const override;
  void run(jobs::JobContext& context) override;

  const ChartRequest& request() const noexcept { return request_; }
  std::shared_ptr<const data::Table> table() const { return table_; }

  const std::optional<data::ColumnProfile>& histogram() const noexcept { return histogram_; }
  const std::optional<BoxPlotData>& boxPlot() const noexcept { return boxPlot_; }
  const std::optional<ScatterSample>& scatter() const noexcept { return scatter_; }
  const std::optional<CorrelationMatrix>& correlation() const noexcept { return correlation_; }
  const std::optional<FeatureTargetData>& featureTarget() const noexcept { return featureTarget_; }

 private:
  std::shared_ptr<const data::Table> table_;
  ChartRequest request_;
  std::optional<data::ColumnProfile> histogram_;
  std::optional<BoxPlotData> boxPlot_;
  std::optional<ScatterSample> scatter_;
  std::optional<CorrelationMatrix> correlation_;
  std::optional<FeatureTargetData> featureTarget_;
};

}  // namespace lathe::explore
