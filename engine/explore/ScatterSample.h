#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "engine/data/Table.h"
#include "engine/jobs/JobContext.h"

namespace lathe::explore {

// What a scatter plot draws for two numeric columns, however many rows: at most `maxPoints`
// points drawn at random (seeded, so a redraw shows the same points) and a density grid counting
// every row, so a million points stay interactive and the picture still shows where the mass is.
struct ScatterSample {
  static constexpr std::size_t kDefaultMaxPoints = 20000;
  static constexpr std::size_t kGridSize = 128;

  std::string xColumn, yColumn, colorColumn;  // colorColumn empty: one colour
  std::vector<double> x, y;                   // the drawn points, rows with both values present and finite
  std::vector<std::int32_t> category;         // per drawn point: index into categoryNames, -1 missing; empty without colour
  std::vector<std::string> categoryNames;     // the colour column's levels (most frequent kMaxCategories; the rest "Other")
  std::uint64_t totalPoints = 0;              // rows with both values present and finite
  bool sampled() const noexcept { return x.size() < totalPoints; }

  // Density of all totalPoints rows: kGridSize x kGridSize counts, row-major from (xMin, yMin),
  // cell (i, j) = density[j * kGridSize + i]. Empty when totalPoints is 0.
  double xMin = 0.0, xMax = 0.0, yMin = 0.0, yMax = 0.0;
  std::vector<std::uint32_t> density;

  static constexpr std::size_t kMaxCategories = 12;

  // Throws lathe::Error(InvalidArgument) naming the column when x or y is missing or not
  // numeric/bool/datetime, or colorBy is missing or not categorical/bool. Honours the stop token.
  static ScatterSample of(const data::Table& table, const std::string& xColumn, const std::string& yColumn,
                          const std::string& colorBy, const jobs::JobContext& context,
                          std::size_t maxPoints = kDefaultMaxPoints, std::uint64_t seed = 42);
};

}  // namespace lathe::explore
