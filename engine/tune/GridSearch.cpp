#include "engine/tune/GridSearch.h"

#include <algorithm>

#include "engine/tune/RandomSearch.h"

namespace lathe::tune {

GridSearch::GridSearch(SearchSpace space, std::uint64_t seed, std::size_t trials, std::size_t steps)
    : space_(std::move(space)), steps_(steps), size_(space_.gridSize(steps)) {
  if (size_ > trials && size_ <= 10'000'000) {
    order_.resize(size_);
    for (std::size_t i = 0; i < size_; ++i) order_[i] = i;
    auto random = RandomSearch::streamFor(seed, 0);
    // Our own Fisher-Yates: std::shuffle's draws differ between standard libraries.
    for (std::size_t i = size_ - 1; i > 0; --i) std::swap(order_[i], order_[random() % (i + 1)]);
  }
}

std::optional<nlohmann::json> GridSearch::suggest(int number, const std::vector<Trial>&, bool) {
  const auto index = static_cast<std::size_t>(number - 1);
  if (number < 1 || index >= size_) return std::nullopt;
  if (!order_.empty()) return space_.gridPoint(order_[index], steps_);
  if (size_ > 10'000'000) {  // too big to list: a seeded random cell each time
    auto random = RandomSearch::streamFor(index, number);
    return space_.gridPoint(random() % size_, steps_);
  }
  return space_.gridPoint(index, steps_);
}

}  // namespace lathe::tune
