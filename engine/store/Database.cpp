#include "engine/store/Database.h"

#include <sqlite3.h>

#include <cstring>
#include <filesystem>
#include <utility>

#include "engine/store/ProjectLock.h"
#include "engine/store/StoreError.h"

namespace lathe::store {
namespace {

int openFlags(Database::Mode mode) {
  // NOFOLLOW: a project is a real file, never a symlink planted in its place.
  int flags = SQLITE_OPEN_EXRESCODE | SQLITE_OPEN_NOFOLLOW | SQLITE_OPEN_FULLMUTEX;
  switch (mode) {
    case Database::Mode::ReadOnly: return flags | SQLITE_OPEN_READONLY;
    case Database::Mode::ReadWrite: return flags | SQLITE_OPEN_READWRITE;
    case Database::Mode::Create: return flags | SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
  }
  return flags | SQLITE_OPEN_READONLY;
}

// A registered model version is immutable. The schema's trigger says so to other tools, but
// triggers are off here (a trigger planted in a file must do nothing), so the connection itself
// refuses to change or remove a version.
int guardImmutableTables(void*, int action, const char* table, const char*, const char*, const char*) {
  if ((action == SQLITE_UPDATE || action == SQLITE_DELETE) && table && std::strcmp(table, "model_version") == 0)
    return SQLITE_DENY;
  return SQLITE_OK;
}

void configure(sqlite3* db, int busyTimeoutMs) {
  sqlite3_extended_result_codes(db, 1);
  sqlite3_db_config(db, SQLITE_DBCONFIG_DEFENSIVE, 1, nullptr);
  sqlite3_db_config(db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, nullptr);
  sqlite3_db_config(db, SQLITE_DBCONFIG_ENABLE_TRIGGER, 0, nullptr);
  sqlite3_db_config(db, SQLITE_DBCONFIG_ENABLE_VIEW, 0, nullptr);
  sqlite3_db_config(db, SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION, 0, nullptr);
  sqlite3_db_config(db, SQLITE_DBCONFIG_ENABLE_FKEY, 1, nullptr);
  sqlite3_busy_timeout(db, busyTimeoutMs);
  sqlite3_set_authorizer(db, guardImmutableTables, nullptr);
}

// Closes the connection before telling ProjectLock, which may then close its descriptor.
void closeConnection(sqlite3* db) noexcept {
  if (!db) return;
  sqlite3_close_v2(db);
  ProjectLock::connectionClosed(db);
}

}  // namespace

Database::Database(const std::string& path, const Options& options) : path_(path) {
  // An absolute path never starts with "file:", so SQLite cannot take it for a URI.
  std::error_code error;
  const std::string absolute = std::filesystem::absolute(path, error).string();
  const char* vfs = options.vfs.empty() ? nullptr : options.vfs.c_str();
  const int rc = sqlite3_open_v2(error ? path.c_str() : absolute.c_str(), &db_, openFlags(options.mode), vfs);
  if (rc != SQLITE_OK) {
    sqlite3* failed = std::exchange(db_, nullptr);
    std::string message = failed ? sqlite3_errmsg(failed) : "out of memory";
    sqlite3_close_v2(failed);  // a failed open still allocates a handle to close
    throw StoreError(rc, "cannot open: " + message, path);
  }
  configure(db_, options.busyTimeoutMs);
  ProjectLock::connectionOpened(db_, error ? path : absolute);
}

Database::~Database() { closeConnection(db_); }

Database::Database(Database&& other) noexcept
    : db_(std::exchange(other.db_, nullptr)), path_(std::move(other.path_)) {}

Database& Database::operator=(Database&& other) noexcept {
  if (this != &other) {
    closeConnection(db_);
    db_ = std::exchange(other.db_, nullptr);
    path_ = std::move(other.path_);
  }
  return *this;
}

void Database::execute(std::string_view sql) {
  // sqlite3_exec needs a terminated string; statements here are short.
  const std::string text(sql);
  char* message = nullptr;
  const int rc = sqlite3_exec(db_, text.c_str(), nullptr, nullptr, &message);
  if (rc != SQLITE_OK) {
    std::string detail = message ? message : sqlite3_errstr(rc);
    sqlite3_free(message);
    if ((rc & 0xff) == SQLITE_FULL || (rc & 0xff) == SQLITE_NOMEM || (rc & 0xff) == SQLITE_BUSY)
      StoreError::raise(db_, rc, path_, {});
    throw StoreError(rc, detail, path_);
  }
}

Statement Database::prepare(std::string_view sql) {
  sqlite3_stmt* raw = nullptr;
  const int rc = sqlite3_prepare_v2(db_, sql.data(), static_cast<int>(sql.size()), &raw, nullptr);
  Statement statement(raw);
  if (rc != SQLITE_OK) StoreError::raise(db_, rc, path_, {});
  return statement;
}

std::int64_t Database::lastInsertId() const { return sqlite3_last_insert_rowid(db_); }

int Database::changes() const { return sqlite3_changes(db_); }

bool Database::readOnly() const { return sqlite3_db_readonly(db_, "main") == 1; }

std::int64_t Database::queryInt(std::string_view sql) {
  Statement statement = prepare(sql);
  return statement.step() ? statement.int64(0) : 0;
}

}  // namespace lathe::store
