#include "engine/experiments/RunComparison.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <set>

#include <nlohmann/json.hpp>

#include "engine/eval/Curves.h"
#include "engine/eval/Metric.h"

namespace lathe::experiments {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

std::optional<double> valueOf(const std::vector<store::RunMetric>& metrics, const std::string& split,
                              const std::string& name) {
  for (const auto& m : metrics)
    if (m.split == split && m.name == name) return m.value;
  return std::nullopt;
}

bool higherIsBetter(const std::string& name) {
  try {
    return eval::Metric::higherIsBetter(name);
  } catch (...) {
    return true;  // a metric this Lathe does not know: assume a score
  }
}

// "5-fold CV" or "holdout 25% test, 20% validation" from the stored scheme.
std::string validationText(const std::string& json) {
  const auto scheme = nlohmann::json::parse(json, nullptr, false);
  if (!scheme.is_object()) return json;
  const auto percent = [](double share) { return std::to_string(static_cast<int>(std::lround(share * 100))) + "%"; };
  if (scheme.value("scheme", "") == "cv") return std::to_string(scheme.value("folds", 0)) + "-fold CV";
  if (scheme.value("scheme", "") == "holdout") {
    std::string text = "holdout " + percent(scheme.value("test_fraction", 0.0)) + " test";
    if (scheme.value("validation_fraction", 0.0) > 0) text += ", " + percent(scheme.value("validation_fraction", 0.0)) + " validation";
    return text;
  }
  return json;
}

void addRow(RunComparison& out, const std::string& name, std::vector<std::string> values) {
  const bool differs = std::set<std::string>(values.begin(), values.end()).size() > 1;
  out.parameters.push_back({name, std::move(values), differs});
}

}  // namespace

std::string RunComparison::headlineSplit(const std::vector<store::RunMetric>& metrics) {
  for (const char* split : {"cv", "test", "validation"})
    for (const auto& m : metrics)
      if (m.split == split) return split;
  return metrics.empty() ? std::string() : metrics.front().split;
}

std::optional<bool> RunComparison::meetsKpiOf(const std::vector<store::RunMetric>& metrics, const store::Kpi& kpi) {
  if (kpi.metric.empty() || !kpi.target) return std::nullopt;
  const auto value = valueOf(metrics, headlineSplit(metrics), kpi.metric);
  if (!value || std::isnan(*value)) return std::nullopt;
  return kpi.higherIsBetter ? *value >= *kpi.target : *value <= *kpi.target;
}

const store::RunCurve* RunComparison::curveOf(const store::ExperimentRun& run, const std::string& kind) {
  const std::string split = headlineSplit(run.metrics);
  for (const auto& curve : run.curves)
    if (curve.kind == kind && curve.split == split) return &curve;
  return nullptr;
}

RunComparison RunComparison::of(const std::vector<store::ExperimentRun>& runs, const store::Kpi& kpi) {
  RunComparison out;
  // Metrics, in the order the first run that has each lists them.
  std::vector<std::string> names;
  for (const auto& run : runs) {
    out.runIds.push_back(run.id);
    out.runNames.push_back(run.name);
    const std::string split = headlineSplit(run.metrics);
    for (const auto& m : run.metrics)
      if (m.split == split && std::find(names.begin(), names.end(), m.name) == names.end()) names.push_back(m.name);
    out.meetsKpi.push_back(meetsKpiOf(run.metrics, kpi));
    const auto* roc = curveOf(run, "roc");
    out.rocAreas.push_back(roc ? eval::RocCurve{roc->x, roc->y, roc->thresholds}.area() : kNaN);
    const auto* pr = curveOf(run, "pr");
    // Stored as (recall, precision): average precision as sklearn sums it.
    out.prAreas.push_back(pr ? eval::PrecisionRecallCurve{pr->y, pr->x, pr->thresholds}.averagePrecision() : kNaN);
  }
  for (const auto& name : names) {
    MetricRow row{name, {}, {}, -1, higherIsBetter(name)};
    for (const auto& run : runs) {
      const std::string split = headlineSplit(run.metrics);
      row.split = row.split.empty() ? split : row.split;
      row.values.push_back(valueOf(run.metrics, split, name).value_or(kNaN));
    }
    for (std::size_t i = 0; i < row.values.size(); ++i) {
      const double v = row.values[i];
      if (std::isnan(v)) continue;
      if (row.best < 0 || (row.higherIsBetter ? v > row.values[static_cast<std::size_t>(row.best)]
                                              : v < row.values[static_cast<std::size_t>(row.best)]))
        row.best = static_cast<int>(i);
    }
    out.metrics.push_back(std::move(row));
  }

  // What made each run: the algorithm, the data, the validation, then every hyperparameter.
  std::vector<std::string> algorithm, data, validation, seed;
  std::vector<nlohmann::json> parameters;
  std::set<std::string> keys;
  for (const auto& run : runs) {
    algorithm.push_back(run.algorithm);
    data.push_back(run.datasetVersionId ? std::to_string(*run.datasetVersionId) : "—");
    validation.push_back(validationText(run.validationJson));
    seed.push_back(run.seed ? std::to_string(*run.seed) : "—");
    parameters.push_back(nlohmann::json::parse(run.parametersJson, nullptr, false));
    if (parameters.back().is_object())
      for (const auto& [key, value] : parameters.back().items()) keys.insert(key);
  }
  addRow(out, "algorithm", algorithm);
  addRow(out, "dataset version", data);
  addRow(out, "validation", validation);
  addRow(out, "seed", seed);
  std::vector<ParameterRow> same;
  for (const auto& key : keys) {
    std::vector<std::string> values;
    for (const auto& p : parameters)
      values.push_back(p.is_object() && p.contains(key) ? (p[key].is_string() ? p[key].get<std::string>() : p[key].dump())
                                                        : "—");
    const bool differs = std::set<std::string>(values.begin(), values.end()).size() > 1;
    (differs ? out.parameters : same).push_back({key, std::move(values), differs});
  }
  out.parameters.insert(out.parameters.end(), same.begin(), same.end());
  return out;
}

}  // namespace lathe::experiments
