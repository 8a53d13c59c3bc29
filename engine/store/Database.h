#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "engine/store/Statement.h"

struct sqlite3;

namespace lathe::store {

// One SQLite connection, configured the way every Lathe connection is: extended result codes,
// defensive mode, schema not trusted, triggers and views off (a project never needs them, so a
// planted one does nothing), foreign keys on, a busy timeout. Failures throw StoreError.
// A connection belongs to one thread at a time; a job opens its own.
class Database {
 public:
  enum class Mode { ReadOnly, ReadWrite, Create };
  struct Options {
    Mode mode = Mode::ReadWrite;
    std::string vfs;            // empty: SQLite's default; tests pass a fault-injecting one
    int busyTimeoutMs = 5000;
  };

  Database(const std::string& path, const Options& options);
  ~Database();
  Database(Database&&) noexcept;
  Database& operator=(Database&&) noexcept;
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  void execute(std::string_view sql);
  Statement prepare(std::string_view sql);
  std::int64_t lastInsertId() const;
  int changes() const;
  bool readOnly() const;
  const std::string& path() const noexcept { return path_; }
  sqlite3* handle() const noexcept { return db_; }

  // A single integer from a query such as "PRAGMA user_version"; 0 when it returns no row.
  std::int64_t queryInt(std::string_view sql);

 private:
  sqlite3* db_ = nullptr;
  std::string path_;
};

}  // namespace lathe::store
