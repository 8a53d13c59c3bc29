#pragma once
#include "engine/tune/SearchStrategy.h"

namespace lathe::tune {

// Every point drawn uniformly (log-uniformly on log ranges), trial n from its own seeded stream.
class RandomSearch final : public SearchStrategy {
 public:
  RandomSearch(SearchSpace space, std::uint64_t seed);
  std::optional<nlohmann::json> suggest(int number, const std::vector<Trial>& finished, bool maximize) override;

  // The random stream of trial `number` under `seed` (shared with TPE's start-up trials).
  static std::mt19937_64 streamFor(std::uint64_t seed, int number);

 private:
  SearchSpace space_;
  std::uint64_t seed_;
};

}  // namespace lathe::tune
