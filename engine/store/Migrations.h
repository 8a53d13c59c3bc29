#pragma once
#include <functional>
#include <span>
#include <string_view>

namespace lathe::store {

class Database;

// One numbered step of the schema: migrations/NNNN_name.sql, embedded at build time.
struct Migration {
  int version;
  std::string_view name;
  std::string_view sql;
};

// The project schema's history. A file's PRAGMA user_version says how far it has come; each
// later step runs in its own transaction together with the version bump, so a crash mid-way
// leaves the file at the previous version, never between two.
class Migrations {
 public:
  // Every migration of this build, in order (versions 1, 2, ...).
  static std::span<const Migration> builtIn();
  static int latestVersion(std::span<const Migration> migrations = builtIn());

  // Applies every migration above the file's user_version. `beforeStep` runs before each one
  // (tests use it to pause a migration for the kill -9 loop).
  static void apply(Database& db, std::span<const Migration> migrations = builtIn(),
                    const std::function<void(const Migration&)>& beforeStep = {});
};

}  // namespace lathe::store
