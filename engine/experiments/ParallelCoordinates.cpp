#include "engine/experiments/ParallelCoordinates.h"

#include <algorithm>
#include <functional>
#include <cmath>
#include <map>
#include <set>
#include <tuple>

#include <nlohmann/json.hpp>

#include "engine/eval/Metric.h"
#include "engine/experiments/RunComparison.h"
#include "engine/ml/Task.h"

namespace lathe::experiments {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
// A numeric axis spanning this ratio or more (all values positive) is drawn on a log scale:
// learning rates 0.001 to 0.3 would otherwise crowd at the bottom.
constexpr double kLogRatio = 100.0;

using json = nlohmann::json;

// The run's hyperparameters; anything but a JSON object counts as none.
json parametersOf(const std::string& text) {
  try {
    json parsed = json::parse(text, nullptr, false);
    return parsed.is_object() ? parsed : json::object();
  } catch (...) {
    return json::object();  // never throw for a run's stored text
  }
}

// How a value reads on a categorical axis: strings as themselves, the rest as JSON.
std::string textOf(const json& value) {
  if (value.is_string()) return value.get<std::string>();
  return value.dump(-1, ' ', false, json::error_handler_t::replace);
}

// Categories in the order users expect: numbers by value, then text, then null.
struct CategoryKey {
  int rank = 1;
  double number = 0;
  std::string text;
  bool operator<(const CategoryKey& other) const {
    return std::tie(rank, number, text) < std::tie(other.rank, other.number, other.text);
  }
};

CategoryKey keyOf(const json& value) {
  if (value.is_number()) return {0, value.get<double>(), textOf(value)};
  if (value.is_null()) return {2, 0, textOf(value)};
  return {1, 0, textOf(value)};
}

bool higherIsBetterFor(const std::string& name) {
  try {
    return eval::Metric::higherIsBetter(name);
  } catch (...) {
    return true;  // a metric this Lathe does not know: assume a score
  }
}

double metricOf(const store::ExperimentRun& run, const std::string& name) {
  const std::string split = RunComparison::headlineSplit(run.metrics);
  for (const auto& m : run.metrics)
    if (m.split == split && m.name == name) return m.value;
  return kNaN;
}

// The task's headline metric (binary: roc_auc, ...) when the run has it on `split`, else the
// split's first metric: the store lists a run's metrics by name, not in the order computed.
std::string headlineMetric(const store::ExperimentRun& run, const std::string& split) {
  for (const auto task : {ml::Task::Binary, ml::Task::Multiclass, ml::Task::Regression, ml::Task::Clustering}) {
    if (ml::taskName(task) != run.task) continue;
    const auto defaults = eval::Metric::defaultsFor(task);
    for (const auto& m : run.metrics)
      if (!defaults.empty() && m.split == split && m.name == defaults.front()) return m.name;
  }
  for (const auto& m : run.metrics)
    if (m.split == split) return m.name;
  return {};
}

// One hyperparameter's axis and every run's position on it; `values` holds null for a run
// lacking it.
ParallelCoordinates::Axis axisOf(const std::string& name, const std::vector<const json*>& values,
                                 std::vector<double>& positions) {
  ParallelCoordinates::Axis axis;
  axis.name = name;
  positions.assign(values.size(), kNaN);
  axis.categorical = std::any_of(values.begin(), values.end(), [](const json* v) { return v && !v->is_number(); });
  if (!axis.categorical) {
    bool first = true;
    for (const json* v : values) {
      if (!v) continue;
      const double x = v->get<double>();
      axis.min = first ? x : std::min(axis.min, x);
      axis.max = first ? x : std::max(axis.max, x);
      first = false;
    }
    axis.logScale = axis.min > 0 && axis.max / axis.min >= kLogRatio;
    for (std::size_t r = 0; r < values.size(); ++r)
      if (values[r]) positions[r] = axis.position(values[r]->get<double>());
    return axis;
  }
  std::map<CategoryKey, std::size_t> order;
  for (const json* v : values)
    if (v) order.emplace(keyOf(*v), 0);
  std::size_t index = 0;
  for (auto& [key, slot] : order) {
    slot = index++;
    axis.categories.push_back(key.text);
  }
  const std::size_t count = axis.categories.size();
  for (std::size_t r = 0; r < values.size(); ++r) {
    if (!values[r]) continue;
    const std::size_t slot = order.at(keyOf(*values[r]));
    positions[r] = count == 1 ? 0.5 : static_cast<double>(slot) / static_cast<double>(count - 1);
  }
  return axis;
}

}  // namespace

double ParallelCoordinates::Axis::position(double value) const {
  if (categorical || !std::isfinite(value)) return kNaN;
  if (!(max > min)) return 0.5;
  if (logScale) {
    if (!(value > 0) || !(min > 0)) return kNaN;
    return (std::log(value) - std::log(min)) / (std::log(max) - std::log(min));
  }
  return (value - min) / (max - min);
}

double ParallelCoordinates::Axis::valueAt(double at) const {
  if (categorical || std::isnan(at)) return kNaN;
  if (!(max > min)) return min;
  if (logScale && min > 0) return std::exp(std::log(min) + at * (std::log(max) - std::log(min)));
  return min + at * (max - min);
}

std::string ParallelCoordinates::Axis::categoryAt(double at) const {
  if (!categorical || categories.empty() || std::isnan(at)) return {};
  if (categories.size() == 1) return categories.front();
  const double slot = std::round(std::clamp(at, 0.0, 1.0) * static_cast<double>(categories.size() - 1));
  return categories[static_cast<std::size_t>(slot)];
}

ParallelCoordinates ParallelCoordinates::of(const std::vector<store::ExperimentRun>& runs, const std::string& metric) {
  ParallelCoordinates out;
  out.metric = metric;
  for (const auto& run : runs) {
    if (run.metrics.empty()) continue;
    out.split = RunComparison::headlineSplit(run.metrics);
    if (out.metric.empty()) out.metric = headlineMetric(run, out.split);
    break;
  }
  out.higherIsBetter = higherIsBetterFor(out.metric);

  std::vector<json> parameters;
  parameters.reserve(runs.size());
  std::set<std::string> names;  // sorted: the axes' order
  for (const auto& run : runs) {
    parameters.push_back(parametersOf(run.parametersJson));
    for (const auto& [key, value] : parameters.back().items()) names.insert(key);
  }

  // Every parameter's values, and whether they differ across the runs.
  struct Candidate {
    std::string name;
    std::vector<const json*> values;
    bool varies = false;
  };
  std::vector<Candidate> candidates;
  // Runs of different algorithms: the algorithm is the first axis.
  std::vector<json> algorithms;
  for (const auto& run : runs) algorithms.emplace_back(run.algorithm);
  if (std::adjacent_find(algorithms.begin(), algorithms.end(), std::not_equal_to<>()) != algorithms.end()) {
    Candidate algorithm{"algorithm", {}, true};
    for (const auto& a : algorithms) algorithm.values.push_back(&a);
    candidates.push_back(std::move(algorithm));
  }
  for (const auto& name : names) {
    Candidate candidate{name, {}, false};
    std::size_t present = 0;
    for (const auto& p : parameters) {
      const auto found = p.find(name);
      candidate.values.push_back(found == p.end() ? nullptr : &*found);
      present += found != p.end();
    }
    // A parameter of one run alone (another algorithm's) compares nothing.
    if (runs.size() >= 2 && present < 2) continue;
    const json* first = candidate.values.front();
    for (const json* v : candidate.values)
      if ((v == nullptr) != (first == nullptr) || (v && first && *v != *first)) candidate.varies = true;
    candidates.push_back(std::move(candidate));
  }
  const bool anyVaries = std::any_of(candidates.begin(), candidates.end(), [](const Candidate& c) { return c.varies; });

  out.lines.resize(runs.size());
  for (std::size_t r = 0; r < runs.size(); ++r) {
    out.lines[r].runId = runs[r].id;
    out.lines[r].runName = runs[r].name;
  }
  std::vector<double> positions;
  for (const auto& candidate : candidates) {
    if (anyVaries && !candidate.varies) continue;
    out.axes.push_back(axisOf(candidate.name, candidate.values, positions));
    for (std::size_t r = 0; r < runs.size(); ++r) out.lines[r].positions.push_back(positions[r]);
  }

  if (out.metric.empty()) return out;
  Axis axis;
  axis.name = out.metric;
  bool first = true;
  for (std::size_t r = 0; r < runs.size(); ++r) {
    const double value = metricOf(runs[r], out.metric);
    out.lines[r].metric = value;
    if (!std::isfinite(value)) continue;
    axis.min = first ? value : std::min(axis.min, value);
    axis.max = first ? value : std::max(axis.max, value);
    first = false;
  }
  for (auto& line : out.lines) line.positions.push_back(axis.position(line.metric));
  out.axes.push_back(std::move(axis));
  return out;
}

}  // namespace lathe::experiments
