#pragma once
#include <cstddef>
#include <vector>

#include "engine/tune/Trial.h"

namespace lathe::tune {

// The median stopping rule (Golovin et al., 2017, as Vizier and Optuna's MedianPruner): after
// fold k, a trial whose mean objective so far is worse than the median of the finished trials'
// means over their first k folds stops there. Only trials finished before this one was asked
// for count, so the decision does not depend on which thread ran first; it waits for
// `minTrials` of them, and never stops a trial on its first fold.
class MedianPruner {
 public:
  MedianPruner(const std::vector<Trial>& finished, bool maximize, std::size_t minTrials = 4);
  // Whether a trial with these fold scores (folds 1..k so far) should stop.
  bool shouldStop(const std::vector<double>& foldScores) const;

 private:
  std::vector<std::vector<double>> finishedFolds_;
  bool maximize_;
  std::size_t minTrials_;
};

}  // namespace lathe::tune
