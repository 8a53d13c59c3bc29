#pragma once
#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace lathe::store {

// The current time as ISO 8601 UTC with milliseconds: "2026-11-28T21:40:03.125Z". Sorts as text.
std::string timestampNow();

// `time` in the same form.
std::string formatTimestamp(std::chrono::system_clock::time_point time);

// Reads what formatTimestamp writes (milliseconds and the Z optional); empty when it cannot.
std::optional<std::chrono::system_clock::time_point> parseTimestamp(std::string_view text);

}  // namespace lathe::store
