#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "engine/deploy/ScoringModel.h"

namespace lathe::serve {

// One model version behind an endpoint and its share of the traffic.
struct Variant {
  std::string name;
  double weight = 0.0;
  std::shared_ptr<const deploy::ScoringModel> model;
};

// How an endpoint's traffic is shared between its variants: A/B tests and canary releases.
// Immutable once built (the server swaps a whole new split in, so a request never sees half a
// change). A key (a customer id, a session) always lands on the same variant for the same
// weights, so one customer sees one model; without a key the choice is random.
class TrafficSplit {
 public:
  // Throws lathe::Error(InvalidArgument) naming the variant: no variants, an empty or repeated
  // name, no model, a weight that is negative, NaN or infinite, or weights that do not sum to 1
  // within 1e-9.
  explicit TrafficSplit(std::vector<Variant> variants);

  const std::vector<Variant>& variants() const noexcept { return variants_; }
  std::size_t size() const noexcept { return variants_.size(); }

  // The variant for `key`: deterministic (FNV-1a 64 of the key, mixed, mapped to [0, 1)).
  std::size_t choose(std::string_view key) const;
  // A random variant, by weight (each thread its own generator, so no lock).
  std::size_t chooseRandom() const;
  // The variant whose share of [0, 1) holds `u`. Zero-weight variants are never chosen.
  std::size_t at(double u) const;

  // Where a key falls in [0, 1): stable across runs, machines and versions of Lathe, since
  // clients and the request log rely on it.
  static double keyPosition(std::string_view key);

 private:
  std::vector<Variant> variants_;
  std::vector<double> cumulative_;  // running sums of the weights
};

}  // namespace lathe::serve
