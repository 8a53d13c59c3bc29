#pragma once
#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include "engine/store/ExperimentRun.h"

namespace lathe::experiments {

// Runs as a parallel-coordinates chart draws them: one vertical axis per hyperparameter, the
// metric axis last, and per run a line crossing every axis at a position in [0, 1]. Computed
// here so the chart only draws, and so the tuning view can reuse it for hundreds of trials.
struct ParallelCoordinates {
  struct Axis {
    std::string name;
    bool categorical = false;  // strings, booleans, null (and mixes of them with numbers)
    bool logScale = false;     // every value > 0 and max / min >= 100
    double min = 0, max = 0;   // numeric axes: the smallest and largest value
    // Categorical axes: numbers by value first, then text, then "null"; spread evenly.
    std::vector<std::string> categories;

    // Where `value` sits on a numeric axis, in [0, 1] (0.5 for a constant axis); NaN for a
    // value it cannot place (a non-positive value on a log axis, NaN).
    double position(double value) const;
    // The value at `position` on a numeric axis (the inverse of position()).
    double valueAt(double position) const;
    // The category at `position` on a categorical axis, empty for NaN or none.
    std::string categoryAt(double position) const;
  };
  struct Line {
    std::int64_t runId = 0;
    std::string runName;
    std::vector<double> positions;  // per axis in [0,1], NaN where the run lacks the parameter
    double metric = std::numeric_limits<double>::quiet_NaN();
  };

  // The hyperparameters that vary across the runs (a parameter some runs lack varies), or all of
  // them when none varies; sorted by name; then the metric axis last (left out when there is no
  // metric to show).
  std::vector<Axis> axes;
  std::vector<Line> lines;  // one per run, in the order given
  std::string metric;
  std::string split;
  bool higherIsBetter = true;

  // The axes before the metric's.
  std::size_t parameterAxisCount() const { return metric.empty() ? axes.size() : axes.size() - 1; }

  // `metric` "" takes the first run's headline metric for its task (binary roc_auc, multiclass
  // accuracy, regression r2) on its headline split, else that split's first metric. Each run's value is
  // read on its own headline split (as RunComparison does); a run lacking it has a NaN metric.
  // Parameters JSON that is not an object counts as no parameters; this never throws.
  static ParallelCoordinates of(const std::vector<store::ExperimentRun>& runs, const std::string& metric = "");
};

}  // namespace lathe::experiments
