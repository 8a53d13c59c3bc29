#pragma once
#include <cstddef>
#include <cstdint>
#include <limits>
#include <vector>

#include "engine/data/Column.h"
#include "engine/jobs/JobContext.h"

namespace lathe::insights {

// What one or two passes over a column tell the insights: rows with a value, distinct values,
// the most frequent value, and (where they are kept) each row's level: equal values share one,
// numbered from 0, with their sizes and first rows; -1 where the value is missing. A float64 NaN
// counts as missing. No node per value: millions of distinct texts or IDs cost a few flat arrays.
struct ColumnFacts {
  static constexpr std::uint32_t kNoRow = std::numeric_limits<std::uint32_t>::max();
  static constexpr std::uint64_t kManyDistinct = std::numeric_limits<std::uint64_t>::max();

  std::uint64_t present = 0;
  std::uint64_t distinct = 0;  // kManyDistinct: a float64/datetime column past kLeakageBins values
  std::uint64_t topCount = 0;  // exact whenever the value holds more than half the rows
  std::size_t topRow = kNoRow;
  std::vector<std::int32_t> level;  // empty when not kept
  std::vector<std::uint32_t> sizes;
  std::vector<std::uint32_t> firsts;

  // The facts of `column`. Honours the context's stop token (throws jobs::JobCancelled).
  static ColumnFacts of(const data::Column& column, const jobs::JobContext& context);

  // Distinct values in (almost) every row: an ID, a name, free text.
  bool identifierLike(const data::Column& column) const;
  // Identifier-like, or a categorical or text column with more levels than one-hot encoding wants.
  bool highCardinality(const data::Column& column) const;
};

// Categorical and text columns: their values are names, not quantities.
bool isTextLike(const data::Column& column);

}  // namespace lathe::insights
