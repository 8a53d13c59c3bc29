#pragma once
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "engine/data/Table.h"
#include "engine/deploy/ScoredRows.h"
#include "engine/monitor/ModelBaseline.h"
#include "engine/monitor/ModelQuality.h"
#include "engine/store/ProjectInfo.h"

namespace lathe::deploy {
class ScoringModel;
}
namespace lathe::jobs {
class JobContext;
}

namespace lathe::monitor {

// What a model said of a batch, in the forms monitoring needs.
struct ModelOutputs {
  deploy::ScoredRows scored;
  // "prediction": a binary model's probability of class 1, else the label (categorical) or the value.
  std::shared_ptr<const data::Column> prediction;
  std::vector<std::uint8_t> positive;              // binary only: the decision (or class 1) per row
  std::string positiveClass;                       // binary only
};

// The model's side of monitoring: its predictions on a batch, its quality where true labels are
// known, and its picture on the baseline's data.
class ModelMonitor {
 public:
  static ModelOutputs outputs(const deploy::ScoringModel& model, const data::Table& batch,
                              const jobs::JobContext* context = nullptr);

  // The labels of `labels` (a table with `key` and the target) lined up with the batch's rows by
  // their key's text; rows without a label are missing. Throws naming a missing key or target
  // column.
  static std::shared_ptr<const data::Column> alignLabels(const data::Table& batch, const data::Table& labels,
                                                         const std::string& key, const std::string& target);

  // Class 1 / 0 per row for a binary model, -1 where the label is missing or unknown.
  static std::vector<std::int8_t> actualPositive(const deploy::ScoringModel& model, const data::Column& labels);

  // The task's metrics and the KPI on the rows whose label is known; empty when none is.
  static std::optional<ModelQuality> quality(const deploy::ScoringModel& model, const ModelOutputs& outputs,
                                             const data::Column& labels, const store::Kpi& kpi);

  // The model's picture on the baseline's data (`data` holds the target column when known).
  static ModelBaseline baseline(const deploy::ScoringModel& model, const std::string& reference, const data::Table& data,
                                const std::string& sensitiveAttribute, const store::Kpi& kpi,
                                const jobs::JobContext* context = nullptr);
};

}  // namespace lathe::monitor
