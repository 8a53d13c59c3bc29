#include "engine/serve/TrafficSplit.h"

#include <cmath>
#include <random>
#include <set>

#include "engine/core/Error.h"

namespace lathe::serve {
namespace {

[[noreturn]] void refuse(const std::string& message) { throw Error(ErrorCode::InvalidArgument, message); }

}  // namespace

TrafficSplit::TrafficSplit(std::vector<Variant> variants) : variants_(std::move(variants)) {
  if (variants_.empty()) refuse("an endpoint needs at least one variant");
  std::set<std::string> names;
  double sum = 0.0;
  for (const auto& v : variants_) {
    if (v.name.empty()) refuse("a variant needs a name");
    if (!names.insert(v.name).second) refuse("variant \"" + v.name + "\" is given twice");
    if (!v.model) refuse("variant \"" + v.name + "\" has no model");
    if (!std::isfinite(v.weight)) refuse("variant \"" + v.name + "\": the weight must be a finite number");
    if (v.weight < 0.0) refuse("variant \"" + v.name + "\": the weight must not be negative, got " + std::to_string(v.weight));
    sum += v.weight;
    cumulative_.push_back(sum);
  }
  if (std::fabs(sum - 1.0) > 1e-9) {
    std::string list;
    for (const auto& v : variants_) list += (list.empty() ? "" : ", ") + v.name + "=" + std::to_string(v.weight);
    refuse("the variants' weights must sum to 1, got " + std::to_string(sum) + " (" + list + ")");
  }
}

double TrafficSplit::keyPosition(std::string_view key) {
  // FNV-1a alone moves only the low and middle bits for keys that differ in their last byte
  // ("user1", "user2"), so its top bits (which pick the variant) barely change; the MurmurHash3
  // finaliser spreads every input bit over the whole word.
  std::uint64_t h = 0xcbf29ce484222325ULL;
  for (unsigned char c : key) {
    h ^= c;
    h *= 0x100000001b3ULL;
  }
  h ^= h >> 33;
  h *= 0xff51afd7ed558ccdULL;
  h ^= h >> 33;
  h *= 0xc4ceb9fe1a85ec53ULL;
  h ^= h >> 33;
  return static_cast<double>(h >> 11) * 0x1.0p-53;  // the top 53 bits: exact in a double, < 1
}

std::size_t TrafficSplit::at(double u) const {
  const double total = cumulative_.back();
  const double target = u * total;  // total is 1 within 1e-9; scaling keeps the last share whole
  for (std::size_t i = 0; i < variants_.size(); ++i)
    if (variants_[i].weight > 0.0 && target < cumulative_[i]) return i;
  for (std::size_t i = variants_.size(); i-- > 0;)  // rounding at the very end: the last with weight
    if (variants_[i].weight > 0.0) return i;
  return 0;
}

std::size_t TrafficSplit::choose(std::string_view key) const { return variants_.size() == 1 ? 0 : at(keyPosition(key)); }

std::size_t TrafficSplit::chooseRandom() const {
  if (variants_.size() == 1) return 0;
  thread_local std::mt19937_64 generator{std::random_device{}()};
  return at(std::uniform_real_distribution<double>(0.0, 1.0)(generator));
}

}  // namespace lathe::serve
