#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "engine/store/ExperimentRun.h"
#include "engine/store/ProjectInfo.h"

namespace lathe::experiments {

// Two or more runs side by side, as the comparison view and the report show them: every metric
// with the best run marked, every hyperparameter with the ones that differ flagged (differences
// first), whether each run meets the project's KPI, and the area under each run's ROC and PR
// curve (recomputed from the stored points, so the legend matches what is drawn).
struct RunComparison {
  struct MetricRow {
    std::string name;
    std::string split;           // "cv", "test", ...: the one the runs are judged on
    std::vector<double> values;  // per run; NaN where a run lacks it
    int best = -1;               // the best run's index; -1 when none has a value
    bool higherIsBetter = true;
  };
  struct ParameterRow {
    std::string name;
    std::vector<std::string> values;  // per run, as JSON text ("—" where a run lacks it)
    bool differs = false;
  };

  std::vector<std::int64_t> runIds;
  std::vector<std::string> runNames;
  std::vector<MetricRow> metrics;
  std::vector<ParameterRow> parameters;
  std::vector<std::optional<bool>> meetsKpi;  // per run; nullopt without a KPI target or metric
  std::vector<double> rocAreas;               // per run; NaN without a curve
  std::vector<double> prAreas;

  static RunComparison of(const std::vector<store::ExperimentRun>& runs, const store::Kpi& kpi);

  // The split a run is judged on: cross-validation, else the test part, else validation.
  static std::string headlineSplit(const std::vector<store::RunMetric>& metrics);
  // Whether the run's KPI metric (on its headline split) reaches the target; nullopt when the
  // KPI has no metric or target, or the run lacks the metric.
  static std::optional<bool> meetsKpiOf(const std::vector<store::RunMetric>& metrics, const store::Kpi& kpi);
  // The run's first curve of `kind` on its headline split (a binary run's only one; a
  // multiclass run's first class), or null.
  static const store::RunCurve* curveOf(const store::ExperimentRun& run, const std::string& kind);
};

}  // namespace lathe::experiments
