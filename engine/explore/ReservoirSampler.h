#pragma once
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <random>
#include <vector>

namespace lathe::explore {

// A uniform random sample of at most `capacity` items from a stream of unknown length, seeded so
// the same stream and seed always give the same sample. Li's Algorithm L: after the reservoir
// fills it draws random numbers only for the items it keeps (about capacity * log(n / capacity)),
// so offering a million rows costs a counter increment each. Memory: the reservoir only.
class ReservoirSampler {
 public:
  ReservoirSampler(std::size_t capacity, std::uint64_t seed);

  // Offers the next item of the stream (a row number).
  void offer(std::size_t item) {
    if (seen_++ < capacity_) {
      items_.push_back(item);
      if (seen_ == capacity_) scheduleNext();
    } else if (seen_ - 1 == next_) {
      items_[static_cast<std::size_t>(engine_() % capacity_)] = item;
      weight_ *= std::exp(std::log(uniform()) / static_cast<double>(capacity_));
      scheduleNext();
    }
  }

  // The kept items in the order they sit in the reservoir.
  std::vector<std::size_t>& items() noexcept { return items_; }
  std::uint64_t seen() const noexcept { return seen_; }

 private:
  double uniform();  // in (0, 1), never 0 or 1
  void scheduleNext();

  std::size_t capacity_;
  std::mt19937_64 engine_;
  std::vector<std::size_t> items_;
  std::uint64_t seen_ = 0;
  std::uint64_t next_ = 0;  // index in the stream of the next item to keep
  double weight_ = 1.0;
};

}  // namespace lathe::explore
