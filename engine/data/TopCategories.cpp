#include "engine/data/TopCategories.h"

#include <algorithm>
#include <string>

namespace lathe::data {

void TopCategories::offer(const Candidate& candidate) {
  if (candidate.count == 0) return;
  if (heap_.size() < ColumnProfile::kTopCategories) {
    heap_.push_back(candidate);
    std::push_heap(heap_.begin(), heap_.end(), ranksFirst);
  } else if (ranksFirst(candidate, heap_.front())) {  // the front is the weakest kept
    std::pop_heap(heap_.begin(), heap_.end(), ranksFirst);
    heap_.back() = candidate;
    std::push_heap(heap_.begin(), heap_.end(), ranksFirst);
  }
}

void TopCategories::writeTo(ColumnProfile& profile) {
  std::sort_heap(heap_.begin(), heap_.end(), ranksFirst);
  std::uint64_t shown = 0;
  for (const auto& c : heap_) {
    profile.topCategories.push_back({std::string(c.value), c.count});
    shown += c.count;
  }
  profile.otherCount = profile.count - shown;
}

bool TopCategories::ranksFirst(const Candidate& a, const Candidate& b) {
  return a.count != b.count ? a.count > b.count : a.firstRow < b.firstRow;
}

}  // namespace lathe::data
