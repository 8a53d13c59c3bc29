#include "widgets/deploy/ModelVersionComparison.h"

#include <algorithm>
#include <map>
#include <set>

#include "engine/eval/Metric.h"

namespace lathe::widgets {
namespace {

using nlohmann::json;

// The splits a model is judged on come first, in the order the tree's score column prefers them.
int splitRank(const std::string& split) {
  if (split == "test") return 0;
  if (split == "validation") return 1;
  if (split == "cv") return 2;
  if (split == "train") return 3;
  return 4;
}

std::optional<double> valueOf(const json& metrics, const std::string& split, const std::string& metric) {
  if (!metrics.is_object() || !metrics.contains(split) || !metrics[split].is_object()) return std::nullopt;
  const auto& values = metrics[split];
  const auto it = values.find(metric);
  if (it == values.end() || !it->is_number()) return std::nullopt;
  return it->get<double>();
}

void collect(const json& metrics, std::set<std::pair<std::string, std::string>>& out) {
  if (!metrics.is_object()) return;
  for (const auto& [split, values] : metrics.items())
    if (values.is_object())
      for (const auto& [metric, value] : values.items()) out.emplace(split, metric);
}

std::optional<bool> directionOf(const std::string& metric) {
  const auto names = eval::Metric::names();
  if (std::find(names.begin(), names.end(), metric) == names.end()) return std::nullopt;
  return eval::Metric::higherIsBetter(metric);
}

}  // namespace

ModelVersionComparison ModelVersionComparison::of(const deploy::ModelVersionInfo& version,
                                                  const deploy::ModelVersionInfo& production) {
  ModelVersionComparison out;
  std::set<std::pair<std::string, std::string>> keys;
  collect(version.metrics, keys);
  collect(production.metrics, keys);
  for (const auto& [split, metric] : keys)
    out.metrics.push_back({split, metric, valueOf(version.metrics, split, metric), valueOf(production.metrics, split, metric),
                           directionOf(metric)});
  std::stable_sort(out.metrics.begin(), out.metrics.end(),
                   [](const MetricRow& a, const MetricRow& b) { return splitRank(a.split) < splitRank(b.split); });

  std::map<std::string, std::pair<std::optional<data::ColumnType>, std::optional<data::ColumnType>>> columns;
  for (const auto& column : version.inputSchema) columns[column.name].first = column.type;
  for (const auto& column : production.inputSchema) columns[column.name].second = column.type;
  for (const auto& [name, types] : columns)
    if (types.first != types.second) out.schema.push_back({name, types.first, types.second});

  out.dataKnown = !version.trainingDataHash.empty() && !production.trainingDataHash.empty();
  out.sameData = out.dataKnown && version.trainingDataHash == production.trainingDataHash;
  return out;
}

}  // namespace lathe::widgets
