#include "engine/tune/SearchStrategy.h"

#include <algorithm>

#include "engine/core/Error.h"
#include "engine/tune/GridSearch.h"
#include "engine/tune/RandomSearch.h"
#include "engine/tune/TpeSearch.h"

namespace lathe::tune {

const std::vector<std::string>& SearchStrategy::names() {
  static const std::vector<std::string> all{"grid", "random", "bayes"};
  return all;
}

std::unique_ptr<SearchStrategy> SearchStrategy::create(const std::string& name, SearchSpace space, std::uint64_t seed,
                                                       std::size_t trials) {
  if (name == "grid") return std::make_unique<GridSearch>(std::move(space), seed, trials);
  if (name == "random") return std::make_unique<RandomSearch>(std::move(space), seed);
  if (name == "bayes" || name == "tpe") {
    // A tenth of the budget explores at random first, at least 5 and at most 20 trials.
    const std::size_t startup = std::clamp<std::size_t>(trials / 10, 5, 20);
    return std::make_unique<TpeSearch>(std::move(space), seed, startup);
  }
  throw Error(ErrorCode::InvalidArgument, "unknown search strategy '" + name + "': use grid, random or bayes");
}

}  // namespace lathe::tune
