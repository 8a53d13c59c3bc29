#pragma once
#include <memory>
#include <string>

#include "engine/data/Table.h"
#include "engine/monitor/Baseline.h"
#include "engine/monitor/ModelBaseline.h"
#include "engine/monitor/MonitorRunRecord.h"
#include "engine/store/ProjectInfo.h"

namespace lathe::deploy {
class ScoringModel;
}
namespace lathe::jobs {
class JobContext;
}

namespace lathe::monitor {

// Everything one monitoring run compares. Only the baseline and the batch are required.
struct MonitorInputs {
  const Baseline* baseline = nullptr;
  const ModelBaseline* modelBaseline = nullptr;           // the model's picture on the baseline
  std::shared_ptr<const data::Table> batch;
  std::shared_ptr<const deploy::ScoringModel> model;      // the live model: prediction drift, quality, bias
  std::shared_ptr<const data::Column> labels;             // true labels lined up with the batch's rows
  std::string sensitiveAttribute;
  store::Kpi kpi;
  double biasThreshold = 0.1;
  double attributionThreshold = 0.9;
};

// One monitoring run: data quality and drift, then, with a model, prediction drift, its quality
// where labels are known, bias on the sensitive attribute and the drift of its attributions; then
// the alerts. A part that cannot be measured on this batch (bias of a regression, attributions on
// one row) is left out of the record, never an error that loses the rest.
class MonitorAnalysis {
 public:
  static MonitorRunRecord run(const MonitorInputs& inputs, const jobs::JobContext* context = nullptr);
};

}  // namespace lathe::monitor
