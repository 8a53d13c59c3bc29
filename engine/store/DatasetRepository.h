#pragma once
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "engine/data/Table.h"
#include "engine/store/DatasetVersionInfo.h"

namespace lathe::jobs {
class JobContext;
}

namespace lathe::store {

class Database;

// Datasets stored inside the project: each column encoded by ColumnCodec, cut into chunks and
// zstd-compressed, so a column loads on its own (lazily) and a reopened project reads only the
// schema. Writing a version is one transaction; a cancelled or failed write leaves nothing.
class DatasetRepository {
 public:
  explicit DatasetRepository(Database& db) : db_(db) {}

  // Stores `table` as version 1 of a new dataset; returns the new version's id.
  std::int64_t addDataset(const std::string& name, const data::Table& table, const DatasetOrigin& origin,
                          const jobs::JobContext* context = nullptr);
  // Stores `table` as the next version of dataset `datasetId`; returns the new version's id.
  std::int64_t addVersion(std::int64_t datasetId, const data::Table& table, const DatasetOrigin& origin,
                          const jobs::JobContext* context = nullptr);

  // The datasets not deleted, by name, each with its versions.
  std::vector<DatasetInfo> list();
  std::optional<DatasetInfo> dataset(std::int64_t datasetId);
  std::optional<DatasetVersionInfo> version(std::int64_t versionId);
  // "NAME" (its newest version) or "NAME:N" (its version N), as a user types it. Throws
  // lathe::Error(InvalidArgument) naming the dataset or the version that is not there.
  DatasetVersionInfo findVersion(const std::string& reference);
  std::vector<StoredColumn> columns(std::int64_t versionId);
  std::int64_t count();

  // Loads one column (decompressed and bounds-checked: a damaged chunk is an Error(Corrupt)).
  std::shared_ptr<const data::Column> loadColumn(std::int64_t versionId, std::size_t position,
                                                 const jobs::JobContext* context = nullptr);
  // Loads the columns at `positions` (all when empty), in that order.
  data::Table loadTable(std::int64_t versionId, std::span<const std::size_t> positions = {},
                        const jobs::JobContext* context = nullptr);

  void rename(std::int64_t datasetId, const std::string& name);
  // Deleting hides a dataset and keeps its data, so undo can bring it back.
  void setDeleted(std::int64_t datasetId, bool deleted);

 private:
  Database& db_;
};

}  // namespace lathe::store
