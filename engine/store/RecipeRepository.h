#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace lathe::store {

class Database;

// A recipe as the project stores it: the engine's JSON, and the SHA-256 of that JSON that
// dataset versions and runs record as the recipe that made them.
struct StoredRecipe {
  std::int64_t id = 0;
  std::string name;
  std::string definitionJson;
  std::string hash;
  std::string createdAt;
  std::string modifiedAt;
};

// Recipes in the project. The engine's Recipe structure comes with a later issue; this stores
// its JSON as given (it must parse as JSON) and hashes exactly those bytes. Every write is one
// transaction; deleting only hides a recipe, so undo can bring it back.
class RecipeRepository {
 public:
  explicit RecipeRepository(Database& db) : db_(db) {}

  // Returns the new recipe's id. Throws Error(InvalidArgument) on an empty name or a definition
  // that is not JSON, Error(Io) when the project is read-only.
  std::int64_t add(const std::string& name, const std::string& definitionJson);
  // Replaces the name and definition (and so the hash) of recipe `id`.
  void update(std::int64_t id, const std::string& name, const std::string& definitionJson);
  // A recipe by id, deleted or not (a run may name one that was deleted since).
  std::optional<StoredRecipe> get(std::int64_t id);
  // The recipes not deleted, by name.
  std::vector<StoredRecipe> list();
  void setDeleted(std::int64_t id, bool deleted);

 private:
  Database& db_;
};

}  // namespace lathe::store
