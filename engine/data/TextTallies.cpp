#include "engine/data/TextTallies.h"

#include <functional>

namespace lathe::data {

void TextTallies::add(std::size_t row, std::string_view value) {
  const std::uint64_t hash = std::hash<std::string_view>{}(value);
  const std::size_t mask = slots_.size() - 1;
  for (std::size_t i = hash & mask;; i = (i + 1) & mask) {
    Slot& slot = slots_[i];
    if (slot.count == 0) {
      slot = {hash, row, 1};
      if (++used_ * 10 > slots_.size() * 7) grow();
      return;
    }
    if (slot.hash == hash && column_.textAt(slot.firstRow) == value) {
      ++slot.count;
      return;
    }
  }
}

// Doubles the table (kept a power of two so `hash & mask` picks a slot) when it is 70% full.
void TextTallies::grow() {
  std::vector<Slot> old(slots_.size() * 2);
  old.swap(slots_);
  const std::size_t mask = slots_.size() - 1;
  for (const Slot& slot : old) {
    if (slot.count == 0) continue;
    std::size_t i = slot.hash & mask;
    while (slots_[i].count != 0) i = (i + 1) & mask;
    slots_[i] = slot;
  }
}

}  // namespace lathe::data
