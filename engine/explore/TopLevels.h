#pragma once
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace lathe::explore {

// The levels a chart shows of a categorical or bool column, given how many counted rows hold
// each level: the `limit` most frequent (ties: the level listed first), kept in the column's
// level order so a level keeps its place (and colour) from chart to chart. Levels no counted
// row holds are left out. With `poolRest`, the other levels share one last slot named "Other";
// without it they are dropped.
class TopLevels {
 public:
  static constexpr const char* kOtherName = "Other";

  TopLevels(std::span<const std::uint64_t> counts, const std::vector<std::string>& names, std::size_t limit,
            bool poolRest);

  // The slot a level code is shown in, -1 for a missing code or a dropped level.
  std::int32_t slotOf(std::int32_t code) const {
    return code >= 0 && static_cast<std::size_t>(code) < slots_.size() ? slots_[static_cast<std::size_t>(code)] : -1;
  }
  std::size_t size() const noexcept { return names_.size(); }
  const std::vector<std::string>& names() const noexcept { return names_; }
  // Counted rows per slot.
  const std::vector<std::uint64_t>& counts() const noexcept { return counts_; }

 private:
  std::vector<std::int32_t> slots_;
  std::vector<std::string> names_;
  std::vector<std::uint64_t> counts_;
};

}  // namespace lathe::explore
