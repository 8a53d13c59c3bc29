#include "engine/expr/ClosestName.h"

#include <algorithm>
#include <vector>

namespace lathe::expr {
namespace {

// Code points of `text`, ASCII letters folded to lower case; undecodable bytes stand for themselves.
std::vector<char32_t> foldedCodePoints(std::string_view text) {
  std::vector<char32_t> out;
  for (std::size_t i = 0; i < text.size();) {
    const auto lead = static_cast<unsigned char>(text[i]);
    std::size_t length = lead < 0x80 ? 1 : (lead & 0xE0) == 0xC0 ? 2 : (lead & 0xF0) == 0xE0 ? 3 : 4;
    if (i + length > text.size()) length = 1;
    char32_t value = lead;
    if (length > 1) {
      value = lead & (0x7F >> length);
      for (std::size_t k = 1; k < length; ++k) value = (value << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3F);
    }
    if (value >= 'A' && value <= 'Z') value += 'a' - 'A';
    out.push_back(value);
    i += length;
  }
  return out;
}

std::size_t editDistance(const std::vector<char32_t>& a, const std::vector<char32_t>& b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

}  // namespace

std::optional<std::string> closestName(std::string_view wanted, std::span<const std::string> candidates) {
  // Names are short, but a table may have 100,000 columns of 10 kB names: cap the work.
  constexpr std::size_t kLongest = 256;
  const auto target = foldedCodePoints(wanted.substr(0, kLongest * 4));
  std::optional<std::string> best;
  std::size_t bestDistance = 0;
  std::optional<std::string> containing;  // "Body Mass" for "Body Mass (g)"
  for (const auto& candidate : candidates) {
    if (candidate.size() > kLongest * 4) continue;
    const auto folded = foldedCodePoints(candidate);
    if (!containing && target.size() >= 3 &&
        std::search(folded.begin(), folded.end(), target.begin(), target.end()) != folded.end())
      containing = candidate;
    const std::size_t distance = editDistance(target, folded);
    if (!best || distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  // Plausible typos only: a third of the name, at least two edits.
  if (best && bestDistance <= std::max<std::size_t>(2, target.size() / 3) && bestDistance < target.size())
    return best;
  return containing;
}

}  // namespace lathe::expr
