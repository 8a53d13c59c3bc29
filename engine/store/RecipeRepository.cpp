#include "engine/store/RecipeRepository.h"

#include <nlohmann/json.hpp>

#include "engine/core/Error.h"
#include "engine/store/ContentHash.h"
#include "engine/store/Database.h"
#include "engine/store/Timestamp.h"

namespace lathe::store {
namespace {

void validate(Database& db, const std::string& name, const std::string& definitionJson) {
  if (db.readOnly()) throw Error(ErrorCode::Io, "the project is open read-only; recipes cannot be changed", {db.path()});
  if (name.empty()) throw Error(ErrorCode::InvalidArgument, "a recipe needs a name");
  // nlohmann stops at a NUL byte as if the text ended there; JSON text never holds one.
  if (definitionJson.find('\0') != std::string::npos || !nlohmann::json::accept(definitionJson))
    throw Error(ErrorCode::InvalidArgument, "a recipe's definition must be JSON", {}, definitionJson.substr(0, 80));
}

StoredRecipe recipeFrom(const Statement& row) {
  return {row.int64(0), row.text(1), row.text(2), row.text(3), row.text(4), row.text(5)};
}

constexpr const char* kColumns = "SELECT id, name, definition, hash, created_at, modified_at FROM recipe ";

}  // namespace

std::int64_t RecipeRepository::add(const std::string& name, const std::string& definitionJson) {
  validate(db_, name, definitionJson);
  Statement insert = db_.prepare(
      "INSERT INTO recipe (name, definition, hash, created_at, modified_at) VALUES (?1, ?2, ?3, ?4, ?4)");
  insert.bind(1, name).bind(2, definitionJson).bind(3, ContentHash::of(definitionJson)).bind(4, timestampNow());
  insert.run();  // one statement: its own transaction
  return db_.lastInsertId();
}

void RecipeRepository::update(std::int64_t id, const std::string& name, const std::string& definitionJson) {
  validate(db_, name, definitionJson);
  Statement update = db_.prepare(
      "UPDATE recipe SET name = ?2, definition = ?3, hash = ?4, modified_at = ?5 WHERE id = ?1");
  update.bind(1, id).bind(2, name).bind(3, definitionJson).bind(4, ContentHash::of(definitionJson)).bind(5, timestampNow());
  update.run();
  if (db_.changes() == 0) throw Error(ErrorCode::InvalidArgument, "there is no recipe " + std::to_string(id));
}

std::optional<StoredRecipe> RecipeRepository::get(std::int64_t id) {
  Statement row = db_.prepare(std::string(kColumns) + "WHERE id = ?1");
  row.bind(1, id);
  if (!row.step()) return std::nullopt;
  return recipeFrom(row);
}

std::vector<StoredRecipe> RecipeRepository::list() {
  std::vector<StoredRecipe> recipes;
  Statement rows = db_.prepare(std::string(kColumns) + "WHERE deleted = 0 ORDER BY name, id");
  while (rows.step()) recipes.push_back(recipeFrom(rows));
  return recipes;
}

void RecipeRepository::setDeleted(std::int64_t id, bool deleted) {
  if (db_.readOnly()) throw Error(ErrorCode::Io, "the project is open read-only; recipes cannot be changed", {db_.path()});
  Statement update = db_.prepare("UPDATE recipe SET deleted = ?2 WHERE id = ?1");
  update.bind(1, id).bind(2, deleted ? 1 : 0);
  update.run();
  if (db_.changes() == 0) throw Error(ErrorCode::InvalidArgument, "there is no recipe " + std::to_string(id));
}

}  // namespace lathe::store
