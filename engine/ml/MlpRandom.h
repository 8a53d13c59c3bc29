#pragma once
#include <cstdint>
#include <random>

namespace lathe::ml {

// The MLP's seeded random numbers (initial weights, shuffling, the validation split), drawn the
// same way on every platform: mt19937_64 bits mapped by hand rather than through the standard
// distributions, whose algorithms differ between standard libraries.
class MlpRandom {
 public:
  explicit MlpRandom(std::uint64_t seed) : engine_(seed) {}
  // Uniform in [0, 1), 53 random bits.
  double uniform() { return static_cast<double>(engine_() >> 11) * 0x1.0p-53; }
  double uniform(double low, double high) { return low + (high - low) * uniform(); }
  // Uniform in [0, n) for n >= 1.
  std::uint64_t below(std::uint64_t n) {
    const auto value = static_cast<std::uint64_t>(uniform() * static_cast<double>(n));
    return value < n ? value : n - 1;
  }
  template <typename T>
  void shuffle(T& items) {
    for (std::size_t i = items.size(); i > 1; --i) std::swap(items[i - 1], items[below(i)]);
  }

 private:
  std::mt19937_64 engine_;
};

}  // namespace lathe::ml
