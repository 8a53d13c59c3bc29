#include "engine/tune/MedianPruner.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace lathe::tune {
namespace {

double meanOf(const std::vector<double>& values, std::size_t count) {
  double sum = 0.0;
  std::size_t n = 0;
  for (std::size_t i = 0; i < count && i < values.size(); ++i)
    if (std::isfinite(values[i])) {
      sum += values[i];
      ++n;
    }
  return n ? sum / static_cast<double>(n) : std::numeric_limits<double>::quiet_NaN();
}

}  // namespace

MedianPruner::MedianPruner(const std::vector<Trial>& finished, bool maximize, std::size_t minTrials)
    : maximize_(maximize), minTrials_(minTrials) {
  for (const auto& t : finished)
    if (t.state == Trial::State::Complete && !t.foldScores.empty()) finishedFolds_.push_back(t.foldScores);
}

bool MedianPruner::shouldStop(const std::vector<double>& foldScores) const {
  const std::size_t k = foldScores.size();
  if (k < 2) return false;
  std::vector<double> means;
  for (const auto& folds : finishedFolds_)
    if (folds.size() >= k)
      if (const double m = meanOf(folds, k); std::isfinite(m)) means.push_back(m);
  if (means.size() < minTrials_) return false;
  std::sort(means.begin(), means.end());
  const std::size_t mid = means.size() / 2;
  const double median = means.size() % 2 ? means[mid] : 0.5 * (means[mid - 1] + means[mid]);
  const double mine = meanOf(foldScores, k);
  if (!std::isfinite(mine)) return false;
  return maximize_ ? mine < median : mine > median;
}

}  // namespace lathe::tune
