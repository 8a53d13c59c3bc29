#pragma once
#include <chrono>
#include <string>

#include "engine/data/Table.h"

namespace lathe::store {
class Database;
}
namespace lathe::jobs {
class JobContext;
}

namespace lathe::monitor {

// The rows an endpoint was asked to score between two times, as logged (the sampled share of
// requests carries its inputs; see RequestLog), read back into one table.
class RequestLogBatch {
 public:
  struct Window {
    std::chrono::system_clock::time_point from;
    std::chrono::system_clock::time_point to;
  };
  // Throws InvalidArgument naming the endpoint when there is none. No logged input: an empty table.
  static data::Table read(store::Database& db, const std::string& endpoint, const Window& window,
                          const jobs::JobContext& context);
};

}  // namespace lathe::monitor
