#include "engine/explore/TopLevels.h"

#include <algorithm>
#include <numeric>

namespace lathe::explore {

TopLevels::TopLevels(std::span<const std::uint64_t> counts, const std::vector<std::string>& names,
                     std::size_t limit, bool poolRest)
    : slots_(counts.size(), -1) {
  std::vector<std::size_t> order(counts.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  const std::size_t keep = std::min(limit, order.size());
  std::partial_sort(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(keep), order.end(),
                    [&](std::size_t a, std::size_t b) { return counts[a] != counts[b] ? counts[a] > counts[b] : a < b; });
  std::vector<std::size_t> kept;
  for (std::size_t i = 0; i < keep && counts[order[i]] > 0; ++i) kept.push_back(order[i]);
  std::sort(kept.begin(), kept.end());  // back to level order
  for (std::size_t code : kept) {
    slots_[code] = static_cast<std::int32_t>(names_.size());
    names_.push_back(code < names.size() ? names[code] : std::string());
    counts_.push_back(counts[code]);
  }
  if (!poolRest) return;
  std::uint64_t rest = 0;
  for (std::size_t code = 0; code < counts.size(); ++code)
    if (slots_[code] < 0) rest += counts[code];
  if (rest == 0) return;
  const auto other = static_cast<std::int32_t>(names_.size());
  for (std::size_t code = 0; code < counts.size(); ++code)
    if (slots_[code] < 0 && counts[code] > 0) slots_[code] = other;
  names_.emplace_back(kOtherName);
  counts_.push_back(rest);
}

}  // namespace lathe::explore
