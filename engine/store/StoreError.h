#pragma once
#include <string>

#include "engine/core/Error.h"

struct sqlite3;

namespace lathe::store {

// A failure inside SQLite, with its extended result code so callers can tell a full disk or a
// busy file from a bug. The message names the file.
class StoreError : public Error {
 public:
  StoreError(int sqliteCode, std::string message, std::string file);

  int sqliteCode() const noexcept { return sqliteCode_; }
  // The primary result code (SQLITE_FULL, SQLITE_IOERR, ...).
  int primaryCode() const noexcept { return sqliteCode_ & 0xff; }
  bool diskFull() const noexcept;
  bool busy() const noexcept;

  // Throws the error for `code` on connection `db` (the message comes from SQLite).
  [[noreturn]] static void raise(sqlite3* db, int code, const std::string& file, const std::string& doing);

 private:
  int sqliteCode_;
};

}  // namespace lathe::store
