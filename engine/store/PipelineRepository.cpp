#include "engine/store/PipelineRepository.h"

#include <nlohmann/json.hpp>

#include "engine/core/Error.h"
#include "engine/store/Database.h"
#include "engine/store/Timestamp.h"
#include "engine/store/Transaction.h"

namespace lathe::store {
namespace {

void requireWritable(Database& db) {
  if (db.readOnly()) throw Error(ErrorCode::Io, "the project is open read-only; pipelines cannot be changed", {db.path()});
}

void requireName(const std::string& name) {
  if (name.empty()) throw Error(ErrorCode::InvalidArgument, "a pipeline needs a name");
}

StoredPipeline pipelineFrom(const Statement& row) {
  return {row.int64(0), row.text(1), row.text(2), row.text(3), row.text(4)};
}

constexpr const char* kColumns = "SELECT id, name, definition, created_at, modified_at FROM pipeline ";

void requireKnown(Database& db, std::int64_t id) {
  if (db.changes() == 0) throw Error(ErrorCode::InvalidArgument, "there is no pipeline " + std::to_string(id));
}

}  // namespace

std::int64_t PipelineRepository::save(const std::string& name, const std::string& definitionJson) {
  requireWritable(db_);
  requireName(name);
  // nlohmann stops at a NUL byte as if the text ended there; JSON text never holds one.
  if (definitionJson.find('\0') != std::string::npos || !nlohmann::json::accept(definitionJson))
    throw Error(ErrorCode::InvalidArgument, "the definition of pipeline '" + name + "' must be JSON", {},
                definitionJson.substr(0, 80));
  Transaction transaction(db_);
  Statement upsert = db_.prepare(
      "INSERT INTO pipeline (name, definition, created_at, modified_at) VALUES (?1, ?2, ?3, ?3) "
      "ON CONFLICT (name) DO UPDATE SET definition = excluded.definition, modified_at = excluded.modified_at, "
      "deleted = 0");
  upsert.bind(1, name).bind(2, definitionJson).bind(3, timestampNow());
  upsert.run();
  Statement id = db_.prepare("SELECT id FROM pipeline WHERE name = ?1");
  id.bind(1, name);
  if (!id.step()) throw Error(ErrorCode::Internal, "a saved pipeline is not in the file", {db_.path()}, name);
  const std::int64_t result = id.int64(0);
  transaction.commit();
  return result;
}

std::optional<StoredPipeline> PipelineRepository::get(const std::string& name) {
  Statement row = db_.prepare(std::string(kColumns) + "WHERE name = ?1 AND deleted = 0");
  row.bind(1, name);
  if (!row.step()) return std::nullopt;
  return pipelineFrom(row);
}

std::vector<StoredPipeline> PipelineRepository::list() {
  std::vector<StoredPipeline> pipelines;
  Statement rows = db_.prepare(std::string(kColumns) + "WHERE deleted = 0 ORDER BY name");
  while (rows.step()) pipelines.push_back(pipelineFrom(rows));
  return pipelines;
}

void PipelineRepository::rename(std::int64_t id, const std::string& name) {
  requireWritable(db_);
  requireName(name);
  Transaction transaction(db_);
  Statement taken = db_.prepare("SELECT deleted FROM pipeline WHERE name = ?1 AND id <> ?2");
  taken.bind(1, name).bind(2, id);
  if (taken.step())
    throw Error(ErrorCode::InvalidArgument,
                taken.int64(0) ? "a deleted pipeline still holds the name '" + name + "'; pick another name"
                               : "a pipeline named '" + name + "' already exists",
                {}, name);
  Statement update = db_.prepare("UPDATE pipeline SET name = ?2, modified_at = ?3 WHERE id = ?1");
  update.bind(1, id).bind(2, name).bind(3, timestampNow());
  update.run();
  requireKnown(db_, id);
  transaction.commit();
}

void PipelineRepository::setDeleted(std::int64_t id, bool deleted) {
  requireWritable(db_);
  Statement update = db_.prepare("UPDATE pipeline SET deleted = ?2 WHERE id = ?1");
  update.bind(1, id).bind(2, deleted ? 1 : 0);
  update.run();
  requireKnown(db_, id);
}

}  // namespace lathe::store
