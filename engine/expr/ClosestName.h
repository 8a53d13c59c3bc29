#pragma once
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace lathe::expr {

// The candidate closest to `wanted` (edit distance over code points, ignoring ASCII case), or
// nothing when none is close enough to be a plausible typo: "did you mean 'Body Mass (g)'?".
std::optional<std::string> closestName(std::string_view wanted, std::span<const std::string> candidates);

}  // namespace lathe::expr
