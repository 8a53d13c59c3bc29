#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "engine/experiments/RunComparison.h"
#include "engine/store/ExperimentRun.h"

namespace lathe::pipeline {

// What a Metrics port carries (as std::shared_ptr<const MetricsValue>): the scores of one run
// (Train, Evaluate) or of several side by side (Compare, which also names the best).
struct MetricsValue {
  struct Run {
    std::int64_t id = 0;  // the experiment run; 0 when not recorded
    std::string name;
    std::string algorithm;
    std::string task;
    std::vector<store::RunMetric> metrics;
  };
  std::vector<Run> runs;
  std::optional<experiments::RunComparison> comparison;  // Compare only
  int best = -1;             // Compare: index into runs of the best one, -1 when none
  std::string bestMetric;    // the metric it was judged on, e.g. "roc_auc"
  std::string bestSplit;     // and its split, e.g. "test"
  std::string summary;       // one line for the canvas and the CLI
};

}  // namespace lathe::pipeline
