#pragma once
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "engine/data/ColumnProfile.h"

namespace lathe::data {

// Keeps the ColumnProfile::kTopCategories most frequent values of a categorical, bool or text
// column, by count and then by first appearance (as the Data dock lists them), in a small heap,
// so a column with millions of distinct values never sorts them all.
class TopCategories {
 public:
  // One value offered: how many rows hold it and the first of them. `value` must outlive writeTo().
  struct Candidate {
    std::uint64_t count = 0;
    std::size_t firstRow = static_cast<std::size_t>(-1);
    std::string_view value;
  };

  // Keeps the candidate if it ranks among the best so far; a zero count is ignored.
  void offer(const Candidate& candidate);
  // Appends the kept values, best first, to profile.topCategories and sets profile.otherCount
  // from profile.count, which must already hold the column's present values. Call once.
  void writeTo(ColumnProfile& profile);

 private:
  static bool ranksFirst(const Candidate& a, const Candidate& b);
  std::vector<Candidate> heap_;
};

}  // namespace lathe::data
