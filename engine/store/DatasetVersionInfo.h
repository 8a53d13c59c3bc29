#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "engine/data/ColumnType.h"

namespace lathe::store {

// A column as stored in a dataset version: its schema and its size, known without loading it.
struct StoredColumn {
  std::string name;
  data::ColumnType type = data::ColumnType::Float64;
  std::int64_t missingCount = 0;
  std::int64_t rawBytes = 0;     // encoded, before compression
  std::int64_t storedBytes = 0;  // compressed, in the file
};

// Where a dataset version came from: a source file (an import) or a parent version and the
// recipe that made this one from it (its lineage).
struct DatasetOrigin {
  std::string sourcePath;
  std::string importOptionsJson = "{}";
  std::optional<std::int64_t> parentVersionId;
  std::optional<std::int64_t> recipeId;
  std::string recipeHash;
};

// One immutable version of a dataset, without its data.
struct DatasetVersionInfo {
  std::int64_t id = 0;
  std::int64_t datasetId = 0;
  int version = 0;  // 1, 2, ... within its dataset
  DatasetOrigin origin;
  std::string contentHash;  // SHA-256, hex
  std::int64_t rowCount = 0;
  std::int64_t columnCount = 0;
  std::int64_t storedBytes = 0;
  std::string createdAt;
};

// A named dataset and its versions, oldest first.
struct DatasetInfo {
  std::int64_t id = 0;
  std::string name;
  std::string createdAt;
  std::vector<DatasetVersionInfo> versions;
};

}  // namespace lathe::store
