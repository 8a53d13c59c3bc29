#include "engine/store/TuningRepository.h"

#include "engine/core/Error.h"
#include "engine/store/Database.h"
#include "engine/store/Statement.h"
#include "engine/store/Timestamp.h"

namespace lathe::store {
namespace {

constexpr const char* kColumns =
    "id, name, algorithm, target, dataset_version_id, request, status, best_run_id, created_at, modified_at";

TuningRecord read(const Statement& row) {
  TuningRecord t;
  t.id = row.int64(0);
  t.name = row.text(1);
  t.algorithm = row.text(2);
  t.target = row.text(3);
  if (!row.isNull(4)) t.datasetVersionId = row.int64(4);
  t.requestJson = row.text(5);
  t.status = runStatusFromName(row.text(6)).value_or(RunStatus::Failed);
  if (!row.isNull(7)) t.bestRunId = row.int64(7);
  t.createdAt = row.text(8);
  t.modifiedAt = row.text(9);
  return t;
}

void requireWritable(Database& db) {
  if (db.readOnly()) throw Error(ErrorCode::Io, "the project is open read-only; the tuning cannot be recorded", {db.path()});
}

}  // namespace

std::int64_t TuningRepository::add(const TuningRecord& tuning) {
  requireWritable(db_);
  const std::string now = timestampNow();
  Statement insert = db_.prepare(
      "INSERT INTO tuning (name, algorithm, target, dataset_version_id, request, status, created_at, modified_at) "
      "VALUES (?1, ?2, ?3, ?4, ?5, 'running', ?6, ?6)");
  insert.bind(1, tuning.name).bind(2, tuning.algorithm).bind(3, tuning.target);
  if (tuning.datasetVersionId) insert.bind(4, *tuning.datasetVersionId); else insert.bindNull(4);
  insert.bind(5, tuning.requestJson).bind(6, now);
  insert.run();
  return db_.lastInsertId();
}

std::optional<TuningRecord> TuningRepository::get(std::int64_t id) {
  Statement row = db_.prepare(std::string("SELECT ") + kColumns + " FROM tuning WHERE id = ?1");
  row.bind(1, id);
  if (!row.step()) return std::nullopt;
  return read(row);
}

std::vector<TuningRecord> TuningRepository::list() {
  std::vector<TuningRecord> out;
  Statement rows = db_.prepare(std::string("SELECT ") + kColumns + " FROM tuning ORDER BY id DESC");
  while (rows.step()) out.push_back(read(rows));
  return out;
}

void TuningRepository::finish(std::int64_t id, RunStatus status, std::optional<std::int64_t> bestRunId) {
  requireWritable(db_);
  Statement update = db_.prepare("UPDATE tuning SET status = ?2, best_run_id = ?3, modified_at = ?4 WHERE id = ?1");
  update.bind(1, id).bind(2, runStatusName(status));
  if (bestRunId) update.bind(3, *bestRunId); else update.bindNull(3);
  update.bind(4, timestampNow());
  update.run();
  if (db_.changes() != 1) throw Error(ErrorCode::InvalidArgument, "there is no tuning " + std::to_string(id));
}

}  // namespace lathe::store
