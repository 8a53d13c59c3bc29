#pragma once
#include "engine/tune/SearchStrategy.h"

namespace lathe::tune {

// Bayesian search with the Tree-structured Parzen Estimator (Bergstra et al., 2011; as hyperopt
// and Optuna's default sampler do it, one parameter at a time). After `startup` random trials,
// the finished trials are split into the best quarter (at most 25) and the rest, and a density
// is fitted to each group per parameter: Gaussian kernels over the parameter's [0, 1] position
// (log-scaled where the range is) for a range, smoothed counts for a choice. For a range, 24
// candidates are drawn from the good density and the one where good/bad is largest is taken; a
// choice is drawn in proportion to good/bad, so a choice that lost early keeps a share of trials
// (with the good values of the other parameters) instead of being locked out by early luck.
class TpeSearch final : public SearchStrategy {
 public:
  TpeSearch(SearchSpace space, std::uint64_t seed, std::size_t startup = 10);
  std::optional<nlohmann::json> suggest(int number, const std::vector<Trial>& finished, bool maximize) override;

  static constexpr std::size_t kCandidates = 24;

 private:
  SearchSpace space_;
  std::uint64_t seed_;
  std::size_t startup_;
};

}  // namespace lathe::tune
