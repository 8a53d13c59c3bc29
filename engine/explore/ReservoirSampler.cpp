#include "engine/explore/ReservoirSampler.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace lathe::explore {

ReservoirSampler::ReservoirSampler(std::size_t capacity, std::uint64_t seed) : capacity_(capacity), engine_(seed) {
  items_.reserve(std::min<std::size_t>(capacity, std::size_t{1} << 20));
  if (capacity_ == 0) next_ = std::numeric_limits<std::uint64_t>::max();  // keep nothing
}

double ReservoirSampler::uniform() {
  // 53 random bits, centred in their interval so the result is never 0 (log(0) is -inf) or 1.
  return (static_cast<double>(engine_() >> 11) + 0.5) * 0x1.0p-53;
}

void ReservoirSampler::scheduleNext() {
  if (seen_ == capacity_) weight_ = std::exp(std::log(uniform()) / static_cast<double>(capacity_));
  // Items to skip before the next kept one: geometric with success probability `weight_`.
  const double skip = std::floor(std::log(uniform()) / std::log1p(-weight_));
  constexpr auto kNever = std::numeric_limits<std::uint64_t>::max();
  if (!(skip >= 0.0) || skip >= static_cast<double>(kNever - seen_)) {
    next_ = kNever;  // beyond any stream: a weight so small that nothing more is kept
    return;
  }
  next_ = seen_ + static_cast<std::uint64_t>(skip);
}

}  // namespace lathe::explore
