#include "engine/wrangle/DatasetInput.h"

#include <limits>

#include "engine/core/Error.h"
#include "engine/wrangle/StepSupport.h"

namespace lathe::wrangle {

std::int64_t datasetVersionParameter(const nlohmann::json& parameters, const std::string& step) {
  const auto version = readInteger(parameters, step, "dataset_version", 0, 1, std::numeric_limits<std::int64_t>::max());
  if (version == 0)
    throw Error(ErrorCode::Parse, step + ": parameter 'dataset_version' is required", {}, "dataset_version");
  return version;
}

std::shared_ptr<const data::Table> resolveDataset(const TableResolver& resolve, std::int64_t version,
                                                  const std::string& step) {
  std::shared_ptr<const data::Table> table = resolve ? resolve(version) : nullptr;
  if (!table)
    throw Error(ErrorCode::InvalidArgument, step + ": dataset version " + std::to_string(version) + " was not found",
                {}, std::to_string(version));
  return table;
}

const data::Table& loadedDataset(const std::shared_ptr<const data::Table>& table, std::int64_t version,
                                 const std::string& step) {
  if (!table)
    throw Error(ErrorCode::InvalidArgument,
                step + ": dataset version " + std::to_string(version) + " has not been loaded");
  return *table;
}

}  // namespace lathe::wrangle
