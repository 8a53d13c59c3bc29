#include "engine/store/Migrations.h"

#include <string>

#include "engine/core/Error.h"
#include "engine/store/Database.h"
#include "engine/store/ProjectFormat.h"
#include "engine/store/Transaction.h"

namespace lathe::store {
namespace {

// Generated from engine/store/migrations/*.sql by engine/CMakeLists.txt.
constexpr Migration kMigrations[] = {
#include "engine/store/MigrationScripts.inc"
};

}  // namespace

std::span<const Migration> Migrations::builtIn() { return kMigrations; }

int Migrations::latestVersion(std::span<const Migration> migrations) {
  return migrations.empty() ? 0 : migrations.back().version;
}

void Migrations::apply(Database& db, std::span<const Migration> migrations,
                       const std::function<void(const Migration&)>& beforeStep) {
  int expected = 1;
  for (const Migration& migration : migrations) {
    if (migration.version != expected++)
      throw Error(ErrorCode::Internal, "migrations are not numbered 1, 2, 3, ...: " + std::string(migration.name));
  }
  const auto current = db.queryInt("PRAGMA user_version");
  for (const Migration& migration : migrations) {
    if (migration.version <= current) continue;
    if (beforeStep) beforeStep(migration);
    Transaction transaction(db);
    db.execute(migration.sql);
    db.execute("PRAGMA application_id = " + std::to_string(kApplicationId));
    db.execute("PRAGMA user_version = " + std::to_string(migration.version));
    transaction.commit();
  }
}

}  // namespace lathe::store
