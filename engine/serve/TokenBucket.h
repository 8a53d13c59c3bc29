#pragma once
#include <chrono>
#include <mutex>

namespace lathe::serve {

// The server's rate limit: `rate` requests per second on average, bursts of up to `burst`.
// Shared by all clients (the server is one user's, on their machine): it protects the machine,
// not one client from another. A rate of 0 means no limit.
class TokenBucket {
 public:
  using Clock = std::chrono::steady_clock;

  // burst <= 0: max(1, rate).
  explicit TokenBucket(double rate, double burst = 0.0);

  // Takes one token; false when there is none (answer 429).
  bool tryTake();
  bool tryTake(Clock::time_point now);
  // Seconds until a token is available again (for Retry-After); 0 when one is.
  double secondsUntilToken() const;

 private:
  double rate_;
  double burst_;
  mutable std::mutex mutex_;
  double tokens_;
  Clock::time_point last_;
};

}  // namespace lathe::serve
