#pragma once
#include <optional>
#include <string>

#include "engine/data/Table.h"
#include "engine/monitor/Baseline.h"

namespace lathe::store {
class Database;
}
namespace lathe::jobs {
class JobContext;
}

namespace lathe::monitor {

// Reads the data monitoring compares: a file (columns the baseline knew as categories are read
// as categories, as training read them) or a project dataset by name.
class BatchLoader {
 public:
  static data::Table file(const std::string& path, const Baseline* baseline, const jobs::JobContext& context);
  // The newest version (or `versionId`) of the dataset called `name`; throws naming it.
  static data::Table dataset(store::Database& db, const std::string& name, std::optional<std::int64_t> versionId,
                             const jobs::JobContext& context);
  // "dataset NAME vN" for the record.
  static std::string datasetLabel(store::Database& db, const std::string& name, std::optional<std::int64_t> versionId);
};

}  // namespace lathe::monitor
