#include "engine/store/StoreError.h"

#include <sqlite3.h>

namespace lathe::store {
namespace {

ErrorCode errorCodeFor(int sqliteCode) {
  switch (sqliteCode & 0xff) {
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB: return ErrorCode::Corrupt;
    case SQLITE_MISUSE:
    case SQLITE_INTERNAL:
    case SQLITE_RANGE:
    case SQLITE_ERROR: return ErrorCode::Internal;
    case SQLITE_CONSTRAINT: return ErrorCode::InvalidArgument;
    default: return ErrorCode::Io;  // full, I/O, busy, locked, read-only, no memory, cannot open
  }
}

}  // namespace

StoreError::StoreError(int sqliteCode, std::string message, std::string file)
    : Error(errorCodeFor(sqliteCode), std::move(message), ErrorLocation{std::move(file)}), sqliteCode_(sqliteCode) {}

bool StoreError::diskFull() const noexcept { return primaryCode() == SQLITE_FULL; }

bool StoreError::busy() const noexcept { return primaryCode() == SQLITE_BUSY || primaryCode() == SQLITE_LOCKED; }

void StoreError::raise(sqlite3* db, int code, const std::string& file, const std::string& doing) {
  std::string detail;
  switch (code & 0xff) {
    case SQLITE_FULL: detail = "the disk is full"; break;
    case SQLITE_NOMEM: detail = "out of memory"; break;
    case SQLITE_READONLY: detail = "the file is read-only"; break;
    case SQLITE_BUSY:
    case SQLITE_LOCKED: detail = "the file is busy in another connection or program"; break;
    default: detail = db ? sqlite3_errmsg(db) : sqlite3_errstr(code); break;
  }
  throw StoreError(code, doing.empty() ? detail : doing + ": " + detail, file);
}

}  // namespace lathe::store
