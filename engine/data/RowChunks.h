#pragma once
#include <algorithm>
#include <cstddef>

#include "engine/jobs/JobContext.h"

namespace lathe::data {

// Rows handled between two looks at the stop token: a few milliseconds of work.
inline constexpr std::size_t kRowsPerChunk = std::size_t{1} << 20;

// Calls fn(begin, end) over [0, rows) one chunk of kRowsPerChunk at a time, looking at the stop
// token before each, so a pass over millions of rows stays cancellable (throws JobCancelled).
template <typename Fn>
void forEachRowChunk(std::size_t rows, const jobs::JobContext& context, Fn fn) {
  for (std::size_t begin = 0; begin < rows; begin += kRowsPerChunk) {
    context.throwIfStopped();
    fn(begin, std::min(rows, begin + kRowsPerChunk));
  }
}

}  // namespace lathe::data
