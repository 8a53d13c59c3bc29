#include "engine/monitor/ModelMonitor.h"

#include <algorithm>
#include <cmath>
#include <unordered_map>

#include "engine/core/Error.h"
#include "engine/deploy/ScoringModel.h"
#include "engine/eval/Metric.h"
#include "engine/jobs/JobContext.h"
#include "engine/monitor/BaselineBuilder.h"
#include "engine/monitor/BiasAnalysis.h"
#include "engine/monitor/PredictionSensitivity.h"

namespace lathe::monitor {
namespace {

// The class index of each label's text; -1 for a missing label or a class the model never saw.
std::vector<int> classIndexes(const deploy::ScoringModel& model, const data::Column& labels) {
  std::unordered_map<std::string, int> index;
  for (std::size_t k = 0; k < model.classes().size(); ++k) index.emplace(model.classes()[k], static_cast<int>(k));
  std::vector<int> out(labels.size(), -1);
  for (std::size_t row = 0; row < labels.size(); ++row) {
    if (!labels.isValid(row)) continue;
    const auto it = index.find(labels.displayText(row));
    if (it != index.end()) out[row] = it->second;
  }
  return out;
}

}  // namespace

ModelOutputs ModelMonitor::outputs(const deploy::ScoringModel& model, const data::Table& batch,
                                   const jobs::JobContext* context) {
  ModelOutputs out;
  out.scored = model.score(batch, context);
  const auto& scored = out.scored;
  const std::size_t rows = scored.size();
  // A binary model's picture is its probability of the positive class: its label hides every
  // move that stays on one side of the threshold (a model that says "no" to 95% of rows says "no"
  // a little less surely long before it says "yes" more often).
  if (scored.task == ml::Task::Binary && scored.probabilities.classes == 2 && scored.probabilities.rows == rows) {
    std::vector<double> positive(rows);
    for (std::size_t r = 0; r < rows; ++r) positive[r] = scored.probabilities.at(r, 1);
    out.prediction = data::Column::float64("prediction", std::move(positive));
  } else {
    out.prediction = deploy::ScoringModel::predictionColumn(scored);
  }
  if (scored.task == ml::Task::Binary && scored.classes.size() == 2) {
    out.positiveClass = scored.classes[1];
    out.positive.resize(rows);
    for (std::size_t r = 0; r < rows; ++r)
      out.positive[r] = scored.decision.empty() ? (scored.predicted[r] == 1.0) : scored.decision[r];
  }
  return out;
}

std::shared_ptr<const data::Column> ModelMonitor::alignLabels(const data::Table& batch, const data::Table& labels,
                                                              const std::string& key, const std::string& target) {
  const auto batchKey = batch.indexOf(key);
  if (!batchKey) throw Error(ErrorCode::InvalidArgument, "the batch has no key column \"" + key + "\"", {}, key);
  const auto labelKey = labels.indexOf(key);
  if (!labelKey) throw Error(ErrorCode::InvalidArgument, "the labels have no key column \"" + key + "\"", {}, key);
  const auto labelTarget = labels.indexOf(target);
  if (!labelTarget)
    throw Error(ErrorCode::InvalidArgument, "the labels have no column \"" + target + "\" (the model's target)", {}, target);
  const data::Column& keys = labels.column(*labelKey);
  const data::Column& values = labels.column(*labelTarget);
  std::unordered_map<std::string, std::size_t> rowOf;
  rowOf.reserve(keys.size());
  for (std::size_t r = 0; r < keys.size(); ++r)
    if (keys.isValid(r)) rowOf.insert_or_assign(keys.displayText(r), r);  // a key labelled twice: the last wins
  const data::Column& wanted = batch.column(*batchKey);
  std::vector<std::size_t> rows(wanted.size(), 0);
  data::Validity validity;
  for (std::size_t r = 0; r < wanted.size(); ++r) {
    const auto it = wanted.isValid(r) ? rowOf.find(wanted.displayText(r)) : rowOf.end();
    if (it == rowOf.end() || !values.isValid(it->second)) validity.setMissing(r, wanted.size());
    else rows[r] = it->second;
  }
  // Text keeps any label type comparable with the model's classes (displayText) and numbers
  // for regression (numericAt reads text as a number only where it is one, so keep numbers).
  if (values.isNumeric()) {
    std::vector<double> out(rows.size());
    for (std::size_t r = 0; r < rows.size(); ++r) out[r] = validity.isValid(r) ? values.numericAt(rows[r]) : 0.0;
    return data::Column::float64(target, std::move(out), validity);
  }
  std::vector<std::uint64_t> offsets{0};
  std::string bytes;
  for (std::size_t r = 0; r < rows.size(); ++r) {
    if (validity.isValid(r)) bytes += values.displayText(rows[r]);
    offsets.push_back(bytes.size());
  }
  return data::Column::text(target, std::move(offsets), std::move(bytes), validity);
}

std::vector<std::int8_t> ModelMonitor::actualPositive(const deploy::ScoringModel& model, const data::Column& labels) {
  const auto classes = classIndexes(model, labels);
  std::vector<std::int8_t> out(classes.size());
  for (std::size_t r = 0; r < classes.size(); ++r) out[r] = static_cast<std::int8_t>(classes[r] < 0 ? -1 : classes[r] == 1);
  return out;
}

std::optional<ModelQuality> ModelMonitor::quality(const deploy::ScoringModel& model, const ModelOutputs& outputs,
                                                  const data::Column& labels, const store::Kpi& kpi) {
  const auto& scored = outputs.scored;
  eval::Predictions p;
  p.task = scored.task;
  p.classCount = scored.classes.size();
  const bool classification = ml::isClassification(scored.task);
  const auto classes = classification ? classIndexes(model, labels) : std::vector<int>{};
  const bool probabilities = scored.probabilities.rows == scored.size() && scored.probabilities.classes > 0;
  if (probabilities) p.probabilities.classes = scored.probabilities.classes;
  for (std::size_t r = 0; r < labels.size() && r < scored.size(); ++r) {
    if (!labels.isValid(r) || !std::isfinite(scored.predicted[r])) continue;
    if (classification) {
      if (classes[r] < 0) continue;
      p.yTrue.push_back(classes[r]);
    } else {
      const double y = labels.numericAt(r);
      if (!std::isfinite(y)) continue;
      p.yTrue.push_back(y);
    }
    p.yPred.push_back(scored.predicted[r]);
    if (probabilities)
      for (std::size_t k = 0; k < scored.probabilities.classes; ++k) p.probabilities.values.push_back(scored.probabilities.at(r, k));
  }
  p.probabilities.rows = probabilities ? p.yTrue.size() : 0;
  if (p.yTrue.empty()) return std::nullopt;
  ModelQuality q;
  q.labelledRows = p.yTrue.size();
  auto names = eval::Metric::defaultsFor(scored.task);
  if (!kpi.metric.empty() && std::find(names.begin(), names.end(), kpi.metric) == names.end()) names.push_back(kpi.metric);
  for (const auto& name : names) {
    try {
      const double value = eval::Metric::compute(name, p);
      if (std::isfinite(value)) q.metrics[name] = value;
    } catch (const Error&) {
      // A metric this batch cannot give (roc_auc with one class only) is left out, not an error.
    }
  }
  q.kpiMetric = kpi.metric.empty() ? names.front() : kpi.metric;
  q.kpiHigherIsBetter = kpi.metric.empty() ? eval::Metric::higherIsBetter(q.kpiMetric) : kpi.higherIsBetter;
  q.kpiTarget = kpi.metric.empty() ? std::nullopt : kpi.target;
  if (const auto it = q.metrics.find(q.kpiMetric); it != q.metrics.end()) q.kpiValue = it->second;
  return q;
}

ModelBaseline ModelMonitor::baseline(const deploy::ScoringModel& model, const std::string& reference,
                                     const data::Table& data, const std::string& sensitiveAttribute,
                                     const store::Kpi& kpi, const jobs::JobContext* context) {
  ModelBaseline out;
  out.model = reference;
  out.target = model.target();
  const ModelOutputs scored = outputs(model, data, context);
  out.prediction = BaselineBuilder::describe(*scored.prediction);
  out.importances = PredictionSensitivity::compute(model, data, 2000, 0, nullptr);
  const auto target = data.indexOf(model.target());
  std::vector<std::int8_t> actual;
  if (target) {
    if (const auto q = quality(model, scored, data.column(*target), kpi)) out.metrics = q->metrics;
    if (!scored.positive.empty()) actual = actualPositive(model, data.column(*target));
  }
  if (!sensitiveAttribute.empty()) {
    const auto attribute = data.indexOf(sensitiveAttribute);
    if (!attribute)
      throw Error(ErrorCode::InvalidArgument, "the baseline's data has no column \"" + sensitiveAttribute + "\"", {},
                  sensitiveAttribute);
    if (scored.positive.empty())
      throw Error(ErrorCode::Unsupported, "bias is measured for binary models; \"" + reference + "\" is not one", {},
                  reference);
    out.bias = BiasAnalysis::compute(data.column(*attribute), scored.positive, actual, scored.positiveClass);
  }
  return out;
}

}  // namespace lathe::monitor
