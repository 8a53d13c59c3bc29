#include "engine/serve/TokenBucket.h"

#include <algorithm>

namespace lathe::serve {

TokenBucket::TokenBucket(double rate, double burst)
    : rate_(std::max(0.0, rate)), burst_(burst > 0.0 ? burst : std::max(1.0, rate)), tokens_(burst_), last_(Clock::now()) {}

bool TokenBucket::tryTake() { return rate_ <= 0.0 || tryTake(Clock::now()); }

bool TokenBucket::tryTake(Clock::time_point now) {
  if (rate_ <= 0.0) return true;
  const std::lock_guard lock(mutex_);
  if (now > last_) {
    tokens_ = std::min(burst_, tokens_ + std::chrono::duration<double>(now - last_).count() * rate_);
    last_ = now;
  }
  if (tokens_ < 1.0) return false;
  tokens_ -= 1.0;
  return true;
}

double TokenBucket::secondsUntilToken() const {
  if (rate_ <= 0.0) return 0.0;
  const std::lock_guard lock(mutex_);
  return tokens_ >= 1.0 ? 0.0 : (1.0 - tokens_) / rate_;
}

}  // namespace lathe::serve
