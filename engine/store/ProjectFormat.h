#pragma once
#include <cstdint>

namespace lathe::store {

// PRAGMA application_id of every Lathe project: "LATH" in ASCII, so `file` and hex dumps show it.
inline constexpr std::int32_t kApplicationId = 0x4C415448;
inline constexpr const char* kProjectExtension = ".lathe";

}  // namespace lathe::store
