#pragma once
#include <vector>

#include "engine/tune/SearchStrategy.h"

namespace lathe::tune {

// Every combination of each choice and `steps` evenly spaced values of each range (log-spaced
// on log ranges). A grid larger than the trial budget is visited in a seeded shuffled order.
class GridSearch final : public SearchStrategy {
 public:
  GridSearch(SearchSpace space, std::uint64_t seed, std::size_t trials, std::size_t steps = 4);
  std::optional<nlohmann::json> suggest(int number, const std::vector<Trial>& finished, bool maximize) override;
  std::size_t size() const { return size_; }

 private:
  SearchSpace space_;
  std::size_t steps_;
  std::size_t size_;
  std::vector<std::size_t> order_;  // empty: the grid's own order
};

}  // namespace lathe::tune
