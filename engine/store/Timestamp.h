#pragma once
#include <string>

namespace lathe::store {

// The current time as ISO 8601 UTC with milliseconds: "2026-11-28T21:40:03.125Z". Sorts as text.
std::string timestampNow();

}  // namespace lathe::store
