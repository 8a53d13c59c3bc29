#include "engine/store/ViewStateRepository.h"

#include "engine/core/Error.h"
#include "engine/store/Database.h"

namespace lathe::store {
namespace {

void requireWritable(Database& db) {
  // A read-only project still opens with the view it had; it just cannot remember a new one.
  if (db.readOnly()) throw Error(ErrorCode::Io, "the project is open read-only; the view cannot be saved", {db.path()});
}

}  // namespace

std::optional<std::string> ViewStateRepository::get(const std::string& key) {
  Statement row = db_.prepare("SELECT value FROM view_state WHERE key = ?1");
  row.bind(1, key);
  if (!row.step()) return std::nullopt;
  return row.text(0);
}

void ViewStateRepository::set(const std::string& key, const std::string& value) {
  requireWritable(db_);
  if (key.empty()) throw Error(ErrorCode::InvalidArgument, "a view state needs a key");
  Statement upsert = db_.prepare(
      "INSERT INTO view_state (key, value) VALUES (?1, ?2) ON CONFLICT (key) DO UPDATE SET value = excluded.value");
  upsert.bind(1, key).bind(2, value);
  upsert.run();
}

void ViewStateRepository::remove(const std::string& key) {
  requireWritable(db_);
  Statement erase = db_.prepare("DELETE FROM view_state WHERE key = ?1");
  erase.bind(1, key);
  erase.run();
}

}  // namespace lathe::store
