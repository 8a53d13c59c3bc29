#pragma once
#include <cstddef>

#include "engine/data/Table.h"
#include "engine/wrangle/Recipe.h"

namespace lathe::wrangle {

// What the recipe panel shows after every edit: the recipe fitted and applied on the first rows
// of the data, fast enough to run on each keystroke-sized change (docs/benchmarks.md has the
// figure for 1,000 rows). Fitted on the sample, so means and levels are the sample's: the
// preview shows the shape of the result, Apply computes it on everything.
class RecipePreview {
 public:
  static constexpr std::size_t kDefaultRows = 1000;
  // Throws what the recipe throws (an Error naming the step).
  static data::Table run(const Recipe& recipe, const data::Table& source, std::size_t rows = kDefaultRows);
};

}  // namespace lathe::wrangle
