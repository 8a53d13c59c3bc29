#include "engine/tune/RandomSearch.h"

namespace lathe::tune {

RandomSearch::RandomSearch(SearchSpace space, std::uint64_t seed) : space_(std::move(space)), seed_(seed) {}

std::mt19937_64 RandomSearch::streamFor(std::uint64_t seed, int number) {
  std::seed_seq sequence{static_cast<std::uint32_t>(seed), static_cast<std::uint32_t>(seed >> 32),
                         static_cast<std::uint32_t>(number)};
  return std::mt19937_64(sequence);
}

std::optional<nlohmann::json> RandomSearch::suggest(int number, const std::vector<Trial>&, bool) {
  auto random = streamFor(seed_, number);
  return space_.sample(random);
}

}  // namespace lathe::tune
