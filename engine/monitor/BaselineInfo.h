#pragma once
#include <cstdint>
#include <string>

namespace lathe::monitor {

// A stored baseline as lists show it (the statistics themselves load on demand).
struct BaselineInfo {
  std::int64_t id = 0;
  std::string name;
  std::string source;  // "dataset flights-jan v1", a file name
  std::uint64_t rows = 0;
  std::size_t features = 0;
  std::string createdAt;
};

}  // namespace lathe::monitor
