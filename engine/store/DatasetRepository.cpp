#include "engine/store/DatasetRepository.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <map>
#include <new>

#include "engine/core/Error.h"
#include "engine/jobs/JobContext.h"
#include "engine/jobs/ParallelFor.h"
#include "engine/store/ColumnCodec.h"
#include "engine/store/CompressedChunks.h"
#include "engine/store/ContentHash.h"
#include "engine/store/Database.h"
#include "engine/store/Timestamp.h"
#include "engine/store/Transaction.h"

namespace lathe::store {
namespace {

// Columns are encoded and compressed two at a time (the machine's cores); only the calling thread
// touches the connection, and at most two encoded columns are held at once.
constexpr int kThreads = 2;

constexpr const char* kVersionFields =
    "id, dataset_id, version, parent_version_id, recipe_id, recipe_hash, source_path, import_options, "
    "content_hash, row_count, column_count, stored_bytes, created_at";

DatasetVersionInfo readVersion(const Statement& row) {
  DatasetVersionInfo info;
  info.id = row.int64(0);
  info.datasetId = row.int64(1);
  info.version = static_cast<int>(row.int64(2));
  if (!row.isNull(3)) info.origin.parentVersionId = row.int64(3);
  if (!row.isNull(4)) info.origin.recipeId = row.int64(4);
  info.origin.recipeHash = row.text(5);
  info.origin.sourcePath = row.text(6);
  info.origin.importOptionsJson = row.text(7);
  info.contentHash = row.text(8);
  info.rowCount = row.int64(9);
  info.columnCount = row.int64(10);
  info.storedBytes = row.int64(11);
  info.createdAt = row.text(12);
  return info;
}

// A column ready to store: its schema, its encoded size and its compressed chunks.
struct EncodedColumn {
  std::int64_t rawBytes = 0;
  std::int64_t storedBytes = 0;
  std::vector<CompressedChunk> chunks;
};

// A table ready to store, with its content hash.
struct EncodedTable {
  std::vector<EncodedColumn> columns;
  std::string contentHash;
  std::int64_t storedBytes = 0;
};

// A stored column's chunks as read from the file, checked for order and sizes, not yet decoded.
struct StoredChunks {
  std::string name;
  data::ColumnType type = data::ColumnType::Float64;
  std::uint64_t rawBytes = 0;
  std::vector<CompressedChunk> chunks;
  std::string label;  // "column 'x' (position 2) of dataset version 7", for errors
};

[[noreturn]] void corrupt(const Database& db, const std::string& message) {
  throw Error(ErrorCode::Corrupt, message, ErrorLocation{db.path()});
}

void validateOrigin(Database& db, const DatasetOrigin& origin) {
  if (!nlohmann::json::accept(origin.importOptionsJson))
    throw Error(ErrorCode::InvalidArgument, "the import options are not valid JSON", {}, origin.importOptionsJson);
  const auto exists = [&db](const char* sql, std::int64_t id) {
    Statement check = db.prepare(sql);
    check.bind(1, id);
    return check.step();
  };
  if (origin.parentVersionId && !exists("SELECT 1 FROM dataset_version WHERE id = ?1", *origin.parentVersionId))
    throw Error(ErrorCode::InvalidArgument, "no dataset version " + std::to_string(*origin.parentVersionId) + " to derive from");
  if (origin.recipeId && !exists("SELECT 1 FROM recipe WHERE id = ?1", *origin.recipeId))
    throw Error(ErrorCode::InvalidArgument, "no recipe " + std::to_string(*origin.recipeId));
}

// Encodes and compresses every column (two at a time) before any transaction begins: that is
// the slow part, and the window may want to write (an undo, a rename) meanwhile. Only the
// compressed chunks are kept, about a fifth of the table.
EncodedTable encodeTable(const data::Table& table, const jobs::JobContext* context) {
  EncodedTable encoded;
  const std::size_t columnCount = table.columnCount();
  encoded.columns.resize(columnCount);
  ContentHash hash;
  for (std::size_t first = 0; first < columnCount; first += kThreads) {
    const std::size_t count = std::min<std::size_t>(kThreads, columnCount - first);
    std::vector<std::vector<std::uint8_t>> raw(count);
    jobs::parallelFor(count, kThreads, [&](std::size_t i) {
      raw[i] = ColumnCodec::encode(table.column(first + i));
      encoded.columns[first + i].chunks = CompressedChunks::compress(raw[i], context);
    });
    for (std::size_t i = 0; i < count; ++i) {
      const data::Column& column = table.column(first + i);
      EncodedColumn& out = encoded.columns[first + i];
      // The name belongs to the content: a renamed column is different data to a recipe or a model.
      hash.update(column.name());
      hash.update(std::string_view("\0", 1));
      hash.update(raw[i]);
      out.rawBytes = static_cast<std::int64_t>(raw[i].size());
      for (const CompressedChunk& chunk : out.chunks) out.storedBytes += static_cast<std::int64_t>(chunk.data.size());
      encoded.storedBytes += out.storedBytes;
    }
    if (context) {
      context->throwIfStopped();
      context->progress(0.8 * static_cast<double>(first + count) / static_cast<double>(columnCount),
                        "Compressing column '" + table.column(first + count - 1).name() + "'");
    }
  }
  encoded.contentHash = hash.hex();
  return encoded;
}

// Writes the version row, its columns and their chunks inside the caller's transaction.
std::int64_t writeVersion(Database& db, std::int64_t datasetId, const data::Table& table, const EncodedTable& encoded,
                          const DatasetOrigin& origin, const jobs::JobContext* context) {
  validateOrigin(db, origin);
  Statement next = db.prepare("SELECT COALESCE(MAX(version), 0) + 1 FROM dataset_version WHERE dataset_id = ?1");
  next.bind(1, datasetId);
  next.step();
  const std::int64_t versionNumber = next.int64(0);

  Statement insertVersion = db.prepare(
      "INSERT INTO dataset_version (dataset_id, version, parent_version_id, recipe_id, recipe_hash, source_path, "
      "import_options, content_hash, row_count, column_count, stored_bytes, created_at) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)");
  insertVersion.bind(1, datasetId).bind(2, versionNumber);
  origin.parentVersionId ? insertVersion.bind(3, *origin.parentVersionId) : insertVersion.bindNull(3);
  origin.recipeId ? insertVersion.bind(4, *origin.recipeId) : insertVersion.bindNull(4);
  origin.recipeHash.empty() ? insertVersion.bindNull(5) : insertVersion.bind(5, origin.recipeHash);
  insertVersion.bind(6, origin.sourcePath)
      .bind(7, origin.importOptionsJson)
      .bind(8, encoded.contentHash)
      .bind(9, static_cast<std::int64_t>(table.rowCount()))
      .bind(10, static_cast<std::int64_t>(table.columnCount()))
      .bind(11, encoded.storedBytes)
      .bind(12, timestampNow());
  insertVersion.run();
  const std::int64_t versionId = db.lastInsertId();

  Statement insertColumn = db.prepare(
      "INSERT INTO dataset_column (version_id, position, name, type, missing_count, raw_bytes, stored_bytes) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
  Statement insertChunk =
      db.prepare("INSERT INTO column_chunk (version_id, position, chunk, raw_bytes, data) VALUES (?1, ?2, ?3, ?4, ?5)");
  const std::size_t columnCount = table.columnCount();
  for (std::size_t position = 0; position < columnCount; ++position) {
    const data::Column& column = table.column(position);
    const EncodedColumn& stored = encoded.columns[position];
    insertColumn.reset();
    insertColumn.bind(1, versionId)
        .bind(2, static_cast<std::int64_t>(position))
        .bind(3, column.name())
        .bind(4, data::columnTypeName(column.type()))
        .bind(5, static_cast<std::int64_t>(column.missingCount()))
        .bind(6, stored.rawBytes)
        .bind(7, stored.storedBytes);
    insertColumn.run();
    for (std::size_t c = 0; c < stored.chunks.size(); ++c) {
      if (context) context->throwIfStopped();
      insertChunk.reset();
      insertChunk.bind(1, versionId)
          .bind(2, static_cast<std::int64_t>(position))
          .bind(3, static_cast<std::int64_t>(c))
          .bind(4, static_cast<std::int64_t>(stored.chunks[c].rawBytes))
          .bindBlob(5, stored.chunks[c].data);
      insertChunk.run();
    }
    if (context)
      context->progress(0.8 + 0.2 * static_cast<double>(position + 1) / static_cast<double>(columnCount),
                        "Storing column '" + column.name() + "'");
  }
  return versionId;
}

std::int64_t checkedRowCount(Database& db, std::int64_t versionId) {
  Statement rows = db.prepare("SELECT row_count FROM dataset_version WHERE id = ?1");
  rows.bind(1, versionId);
  if (!rows.step()) throw Error(ErrorCode::InvalidArgument, "no dataset version " + std::to_string(versionId));
  const std::int64_t count = rows.int64(0);
  if (count < 0) corrupt(db, "dataset version " + std::to_string(versionId) + " has a negative row count");
  return count;
}

// Reads the chunks of one column (on the connection's thread), checking that they are numbered
// 0, 1, ... and that their raw sizes are plausible and add up to the column's recorded size.
StoredChunks readChunks(Database& db, std::int64_t versionId, std::size_t position) {
  Statement meta = db.prepare("SELECT name, type, raw_bytes FROM dataset_column WHERE version_id = ?1 AND position = ?2");
  meta.bind(1, versionId).bind(2, static_cast<std::int64_t>(position));
  if (!meta.step())
    throw Error(ErrorCode::InvalidArgument, "dataset version " + std::to_string(versionId) + " has no column at position " +
                                                std::to_string(position));
  StoredChunks stored;
  stored.name = meta.text(0);
  stored.label = "column '" + stored.name + "' (position " + std::to_string(position) + ") of dataset version " +
                 std::to_string(versionId);
  const auto type = data::columnTypeFromName(meta.text(1));
  if (!type) corrupt(db, stored.label + " has an unknown type '" + meta.text(1) + "'");
  stored.type = *type;
  if (meta.int64(2) < static_cast<std::int64_t>(ColumnCodec::kHeaderBytes))
    corrupt(db, stored.label + " records an impossible size of " + std::to_string(meta.int64(2)) + " bytes");
  stored.rawBytes = static_cast<std::uint64_t>(meta.int64(2));

  Statement chunks = db.prepare(
      "SELECT chunk, raw_bytes, data FROM column_chunk WHERE version_id = ?1 AND position = ?2 ORDER BY chunk");
  chunks.bind(1, versionId).bind(2, static_cast<std::int64_t>(position));
  std::uint64_t total = 0;
  while (chunks.step()) {
    const std::string where = stored.label + ", chunk " + std::to_string(stored.chunks.size());
    if (chunks.int64(0) != static_cast<std::int64_t>(stored.chunks.size())) corrupt(db, where + " is missing");
    const std::int64_t raw = chunks.int64(1);
    if (raw <= 0 || raw > static_cast<std::int64_t>(CompressedChunks::kMaxRawBytes) ||
        total + static_cast<std::uint64_t>(raw) > stored.rawBytes)
      corrupt(db, where + " records an impossible size of " + std::to_string(raw) + " bytes");
    total += static_cast<std::uint64_t>(raw);
    const auto frame = chunks.blob(2);
    stored.chunks.push_back({static_cast<std::uint64_t>(raw), std::vector<std::uint8_t>(frame.begin(), frame.end())});
  }
  if (total != stored.rawBytes)
    corrupt(db, stored.label + " is damaged: its chunks hold " + std::to_string(total) + " of its " +
                    std::to_string(stored.rawBytes) + " bytes");
  return stored;
}

// Decompresses and decodes one column; safe on any thread (it touches no connection).
std::shared_ptr<const data::Column> decodeChunks(const StoredChunks& stored, std::uint64_t rows, const std::string& file,
                                                 const jobs::JobContext* context) {
  try {
    // Not zero-filled: pages are touched only as frames really decompress into them.
    std::unique_ptr<std::uint8_t[]> raw;
    try {
      raw.reset(new std::uint8_t[stored.rawBytes]);
    } catch (const std::bad_alloc&) {
      throw Error(ErrorCode::Corrupt, stored.label + " records " + std::to_string(stored.rawBytes) +
                                          " bytes, more than memory holds");
    }
    std::uint64_t at = 0;
    for (std::size_t c = 0; c < stored.chunks.size(); ++c) {
      if (context) context->throwIfStopped();
      const CompressedChunk& chunk = stored.chunks[c];
      CompressedChunks::decompress(chunk.data, std::span(raw.get() + at, chunk.rawBytes),
                                   stored.label + " is damaged: chunk " + std::to_string(c));
      at += chunk.rawBytes;
    }
    return ColumnCodec::decode(std::span(raw.get(), stored.rawBytes), stored.name, stored.type, rows);
  } catch (const Error& e) {
    if (e.code() != ErrorCode::Corrupt || e.where().file == file) throw;
    // The codec names the column alone; say which version and position it is.
    const std::string codecPrefix = "column '" + stored.name + "': ";
    std::string message = e.message();
    if (message.starts_with(codecPrefix)) message = stored.label + " is damaged: " + message.substr(codecPrefix.size());
    else if (!message.starts_with(stored.label)) message = stored.label + ": " + message;
    throw Error(ErrorCode::Corrupt, message, ErrorLocation{file, -1, -1, e.where().byteOffset}, e.value());
  }
}

}  // namespace

std::int64_t DatasetRepository::addDataset(const std::string& name, const data::Table& table,
                                           const DatasetOrigin& origin, const jobs::JobContext* context) {
  if (name.empty()) throw Error(ErrorCode::InvalidArgument, "a dataset needs a name");
  validateOrigin(db_, origin);  // before the slow part, so a bad origin fails at once
  const EncodedTable encoded = encodeTable(table, context);
  Transaction transaction(db_);
  Statement insert = db_.prepare("INSERT INTO dataset (name, created_at) VALUES (?1, ?2)");
  insert.bind(1, name).bind(2, timestampNow());
  insert.run();
  const std::int64_t versionId = writeVersion(db_, db_.lastInsertId(), table, encoded, origin, context);
  if (context) context->throwIfStopped();
  transaction.commit();
  return versionId;
}

std::int64_t DatasetRepository::addVersion(std::int64_t datasetId, const data::Table& table,
                                           const DatasetOrigin& origin, const jobs::JobContext* context) {
  {
    Statement exists = db_.prepare("SELECT 1 FROM dataset WHERE id = ?1");
    exists.bind(1, datasetId);
    if (!exists.step()) throw Error(ErrorCode::InvalidArgument, "no dataset " + std::to_string(datasetId));
  }
  validateOrigin(db_, origin);
  const EncodedTable encoded = encodeTable(table, context);
  Transaction transaction(db_);
  const std::int64_t versionId = writeVersion(db_, datasetId, table, encoded, origin, context);
  if (context) context->throwIfStopped();
  transaction.commit();
  return versionId;
}

DatasetVersionInfo DatasetRepository::findVersion(const std::string& reference) {
  const auto datasets = list();
  const auto named = [&](const std::string& name) {
    return std::find_if(datasets.begin(), datasets.end(), [&](const DatasetInfo& d) { return d.name == name; });
  };
  // A name may hold ':' itself: the whole reference is a name first.
  if (const auto whole = named(reference); whole != datasets.end() && !whole->versions.empty()) return whole->versions.back();
  const auto colon = reference.rfind(':');
  const std::string number = colon == std::string::npos ? std::string() : reference.substr(colon + 1);
  const bool numbered = !number.empty() && number.size() < 9 &&
                        std::all_of(number.begin(), number.end(), [](char c) { return c >= '0' && c <= '9'; });
  const std::string name = numbered ? reference.substr(0, colon) : reference;
  const auto dataset = named(name);
  if (dataset == datasets.end() || dataset->versions.empty())
    throw Error(ErrorCode::InvalidArgument, "the project has no dataset \"" + name + "\"", {}, name);
  if (!numbered) return dataset->versions.back();
  for (const auto& v : dataset->versions)
    if (v.version == std::stoi(number)) return v;
  throw Error(ErrorCode::InvalidArgument,
              "dataset \"" + name + "\" has no version " + number + " (its newest is " +
                  std::to_string(dataset->versions.back().version) + ")",
              {}, reference);
}

std::vector<DatasetInfo> DatasetRepository::list() {
  std::vector<DatasetInfo> datasets;
  std::map<std::int64_t, std::size_t> indexOf;
  Statement names = db_.prepare("SELECT id, name, created_at FROM dataset WHERE deleted = 0 ORDER BY name, id");
  while (names.step()) {
    indexOf[names.int64(0)] = datasets.size();
    datasets.push_back({names.int64(0), names.text(1), names.text(2), {}});
  }
  Statement versions = db_.prepare(std::string("SELECT ") + kVersionFields +
                                   " FROM dataset_version WHERE dataset_id IN (SELECT id FROM dataset WHERE deleted = 0)"
                                   " ORDER BY dataset_id, version");
  while (versions.step()) {
    DatasetVersionInfo info = readVersion(versions);
    if (const auto it = indexOf.find(info.datasetId); it != indexOf.end())
      datasets[it->second].versions.push_back(std::move(info));
  }
  return datasets;
}

// A deleted dataset is still found by its id, so undo can show what it brings back.
std::optional<DatasetInfo> DatasetRepository::dataset(std::int64_t datasetId) {
  Statement row = db_.prepare("SELECT id, name, created_at FROM dataset WHERE id = ?1");
  row.bind(1, datasetId);
  if (!row.step()) return std::nullopt;
  DatasetInfo info{row.int64(0), row.text(1), row.text(2), {}};
  Statement versions =
      db_.prepare(std::string("SELECT ") + kVersionFields + " FROM dataset_version WHERE dataset_id = ?1 ORDER BY version");
  versions.bind(1, datasetId);
  while (versions.step()) info.versions.push_back(readVersion(versions));
  return info;
}

std::optional<DatasetVersionInfo> DatasetRepository::version(std::int64_t versionId) {
  Statement row = db_.prepare(std::string("SELECT ") + kVersionFields + " FROM dataset_version WHERE id = ?1");
  row.bind(1, versionId);
  if (!row.step()) return std::nullopt;
  return readVersion(row);
}

std::vector<StoredColumn> DatasetRepository::columns(std::int64_t versionId) {
  checkedRowCount(db_, versionId);
  Statement rows = db_.prepare(
      "SELECT name, type, missing_count, raw_bytes, stored_bytes FROM dataset_column WHERE version_id = ?1 "
      "ORDER BY position");
  rows.bind(1, versionId);
  std::vector<StoredColumn> columns;
  while (rows.step()) {
    const auto type = data::columnTypeFromName(rows.text(1));
    if (!type) corrupt(db_, "column '" + rows.text(0) + "' of dataset version " + std::to_string(versionId) +
                                " has an unknown type '" + rows.text(1) + "'");
    columns.push_back({rows.text(0), *type, rows.int64(2), rows.int64(3), rows.int64(4)});
  }
  return columns;
}

std::int64_t DatasetRepository::count() { return db_.queryInt("SELECT count(*) FROM dataset WHERE deleted = 0"); }

std::shared_ptr<const data::Column> DatasetRepository::loadColumn(std::int64_t versionId, std::size_t position,
                                                                  const jobs::JobContext* context) {
  const auto rows = static_cast<std::uint64_t>(checkedRowCount(db_, versionId));
  return decodeChunks(readChunks(db_, versionId, position), rows, db_.path(), context);
}

data::Table DatasetRepository::loadTable(std::int64_t versionId, std::span<const std::size_t> positions,
                                         const jobs::JobContext* context) {
  const auto rows = static_cast<std::uint64_t>(checkedRowCount(db_, versionId));
  Statement countColumns = db_.prepare("SELECT count(*) FROM dataset_column WHERE version_id = ?1");
  countColumns.bind(1, versionId);
  countColumns.step();
  const auto stored = static_cast<std::size_t>(countColumns.int64(0));
  std::vector<std::size_t> wanted(positions.begin(), positions.end());
  if (positions.empty())
    for (std::size_t p = 0; p < stored; ++p) wanted.push_back(p);
  for (const std::size_t p : wanted)
    if (p >= stored)
      throw Error(ErrorCode::InvalidArgument, "dataset version " + std::to_string(versionId) +
                                                  " has no column at position " + std::to_string(p));
  std::vector<std::shared_ptr<const data::Column>> columns(wanted.size());
  for (std::size_t first = 0; first < wanted.size(); first += kThreads) {
    if (context) context->throwIfStopped();
    const std::size_t count = std::min<std::size_t>(kThreads, wanted.size() - first);
    std::vector<StoredChunks> batch;
    for (std::size_t i = 0; i < count; ++i) batch.push_back(readChunks(db_, versionId, wanted[first + i]));
    jobs::parallelFor(count, kThreads,
                      [&](std::size_t i) { columns[first + i] = decodeChunks(batch[i], rows, db_.path(), context); });
    if (context)
      context->progress(static_cast<double>(first + count) / static_cast<double>(wanted.size()), "Loading columns");
  }
  return data::Table(std::move(columns));
}

void DatasetRepository::rename(std::int64_t datasetId, const std::string& name) {
  if (name.empty()) throw Error(ErrorCode::InvalidArgument, "a dataset needs a name");
  Statement update = db_.prepare("UPDATE dataset SET name = ?1 WHERE id = ?2");
  update.bind(1, name).bind(2, datasetId);
  update.run();
  if (db_.changes() == 0) throw Error(ErrorCode::InvalidArgument, "no dataset " + std::to_string(datasetId));
}

void DatasetRepository::setDeleted(std::int64_t datasetId, bool deleted) {
  Statement update = db_.prepare("UPDATE dataset SET deleted = ?1 WHERE id = ?2");
  update.bind(1, deleted ? 1 : 0).bind(2, datasetId);
  update.run();
  if (db_.changes() == 0) throw Error(ErrorCode::InvalidArgument, "no dataset " + std::to_string(datasetId));
}

}  // namespace lathe::store
