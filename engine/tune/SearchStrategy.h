#pragma once
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "engine/tune/SearchSpace.h"
#include "engine/tune/Trial.h"

namespace lathe::tune {

// How a tuning picks the next point. Deterministic: the same space, seed, trial number and
// finished trials give the same suggestion, so a tuning run in batches of parallel trials (each
// batch asked for before any of it runs) is reproducible whatever the threads do.
class SearchStrategy {
 public:
  virtual ~SearchStrategy() = default;
  // The hyperparameters of trial `number` (1, 2, ...), given the trials finished so far and
  // whether a higher score is better; nothing when there is no point left (a finished grid).
  virtual std::optional<nlohmann::json> suggest(int number, const std::vector<Trial>& finished, bool maximize) = 0;

  // "grid", "random" or "bayes" (TPE). `trials` is the budget: a grid bigger than it is visited
  // in a seeded random order so the budget spreads over the whole space. Throws lathe::Error
  // for another name.
  static std::unique_ptr<SearchStrategy> create(const std::string& name, SearchSpace space, std::uint64_t seed,
                                                std::size_t trials);
  static const std::vector<std::string>& names();
};

}  // namespace lathe::tune
