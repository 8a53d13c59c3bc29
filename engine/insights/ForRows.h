#pragma once
#include <algorithm>
#include <cstddef>

#include "engine/jobs/JobContext.h"

namespace lathe::insights {

// Rows handled between two looks at the stop token: a few milliseconds of the insights' work.
inline constexpr std::size_t kRowsPerCheck = std::size_t{1} << 16;

// Calls fn(row) for every row in [0, rows), looking at the stop token every kRowsPerCheck rows
// (throws jobs::JobCancelled once a stop is requested).
template <typename Fn>
void forRows(std::size_t rows, const jobs::JobContext& context, Fn&& fn) {
  for (std::size_t begin = 0; begin < rows; begin += kRowsPerCheck) {
    context.throwIfStopped();
    for (std::size_t row = begin, end = std::min(rows, begin + kRowsPerCheck); row < end; ++row) fn(row);
  }
}

}  // namespace lathe::insights
