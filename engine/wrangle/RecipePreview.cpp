#include "engine/wrangle/RecipePreview.h"

#include <algorithm>
#include <numeric>
#include <vector>

#include "engine/data/ColumnGather.h"

namespace lathe::wrangle {

data::Table RecipePreview::run(const Recipe& recipe, const data::Table& source, std::size_t rows) {
  std::vector<std::size_t> head(std::min(rows, source.rowCount()));
  std::iota(head.begin(), head.end(), std::size_t{0});
  const data::Table sample = head.size() == source.rowCount() ? source : data::gatherTable(source, head);
  Recipe copy = recipe;  // fitting changes the steps; the panel's recipe stays as the user left it
  return copy.fit(sample);
}

}  // namespace lathe::wrangle
