#include "engine/monitor/MonitorAnalysis.h"

#include <cmath>

#include "engine/core/Error.h"
#include "engine/deploy/ScoringModel.h"
#include "engine/jobs/JobContext.h"
#include "engine/monitor/AttributionComparison.h"
#include "engine/monitor/BaselineBuilder.h"
#include "engine/monitor/BiasAnalysis.h"
#include "engine/monitor/DriftAnalysis.h"
#include "engine/monitor/ModelMonitor.h"
#include "engine/monitor/PredictionSensitivity.h"

namespace lathe::monitor {
namespace {

void alertsFor(MonitorRunRecord& run) {
  using Kind = MonitorAlert::Kind;
  std::size_t broken = 0;
  for (const auto& v : run.data.violations) broken += v.kind != Violation::Kind::Drift;
  for (const auto& f : run.data.features)
    if (f.drift) run.alerts.push_back({Kind::FeatureDrift, f.name, f.psi, std::nullopt});
  if (broken > 0) run.alerts.push_back({Kind::Violations, "", double(broken), std::nullopt});
  if (run.prediction && run.prediction->drift) run.alerts.push_back({Kind::PredictionDrift, "prediction", run.prediction->psi, std::nullopt});
  if (run.quality && run.quality->missesTarget())
    run.alerts.push_back({Kind::Quality, run.quality->kpiMetric, run.quality->kpiValue, run.quality->kpiTarget});
  if (run.bias && run.bias->alert)
    run.alerts.push_back({Kind::Bias, run.bias->attribute, run.bias->parityGap, run.bias->threshold});
  if (run.attribution && run.attribution->drift)
    run.alerts.push_back({Kind::Attribution, "", run.attribution->ndcg, run.attribution->threshold});
}

// A gap alerts when it is above the threshold and has grown since the baseline (a gap the model
// always had is the baseline's, not news), or when it has grown by more than the threshold.
bool gapAlerts(double now, std::optional<double> before, double threshold) {
  if (!before) return now > threshold;
  return (now > threshold && now > *before + 0.02) || now - *before > threshold;
}

}  // namespace

MonitorRunRecord MonitorAnalysis::run(const MonitorInputs& in, const jobs::JobContext* context) {
  if (!in.baseline || !in.batch) throw Error(ErrorCode::Internal, "a monitoring run needs a baseline and a batch");
  const auto stage = [&](double at, const char* what) {
    if (!context) return;
    context->throwIfStopped();
    context->progress(at, what);
  };
  MonitorRunRecord run;
  stage(0.0, "data quality and drift");
  run.data = DriftAnalysis::compare(*in.baseline, *in.batch, nullptr);
  if (in.model && in.batch->rowCount() > 0) {
    stage(0.3, "scoring the batch");
    const ModelOutputs outputs = ModelMonitor::outputs(*in.model, *in.batch);
    if (in.modelBaseline && !in.modelBaseline->empty()) {
      FeatureConstraint constraint = BaselineBuilder::suggest(in.modelBaseline->prediction);
      run.prediction = DriftAnalysis::compareFeature(in.modelBaseline->prediction, constraint, *outputs.prediction);
    }
    stage(0.5, "model quality");
    std::vector<std::int8_t> actual;
    if (in.labels) {
      run.quality = ModelMonitor::quality(*in.model, outputs, *in.labels, in.kpi);
      if (run.quality && in.modelBaseline) {
        const auto it = in.modelBaseline->metrics.find(run.quality->kpiMetric);
        if (it != in.modelBaseline->metrics.end()) run.quality->baselineKpi = it->second;
      }
      if (!outputs.positive.empty()) actual = ModelMonitor::actualPositive(*in.model, *in.labels);
    }
    if (!in.sensitiveAttribute.empty() && !outputs.positive.empty()) {
      if (const auto attribute = in.batch->indexOf(in.sensitiveAttribute)) {
        run.bias = BiasAnalysis::compute(in.batch->column(*attribute), outputs.positive, actual, outputs.positiveClass);
        run.bias->threshold = in.biasThreshold;
        if (in.modelBaseline && in.modelBaseline->bias) {
          run.bias->baselineParityGap = in.modelBaseline->bias->parityGap;
          run.bias->baselineOpportunityGap = in.modelBaseline->bias->opportunityGap;
        }
        run.bias->alert = gapAlerts(run.bias->parityGap, run.bias->baselineParityGap, in.biasThreshold) ||
                          (run.bias->opportunityGap &&
                           gapAlerts(*run.bias->opportunityGap, run.bias->baselineOpportunityGap, in.biasThreshold));
      }
    }
    if (in.modelBaseline && !in.modelBaseline->importances.empty() && in.batch->rowCount() >= 2) {
      stage(0.7, "feature attributions");
      const auto current = PredictionSensitivity::compute(*in.model, *in.batch, 2000, 0, nullptr);
      run.attribution = AttributionComparison::compare(in.modelBaseline->importances, current, in.attributionThreshold);
    }
  }
  alertsFor(run);
  stage(1.0, "done");
  return run;
}

}  // namespace lathe::monitor
