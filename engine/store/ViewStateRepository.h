#pragma once
#include <optional>
#include <string>

namespace lathe::store {

class Database;

// What the window showed last (the dataset in view, the canvas position), so reopening a
// project restores it. The app owns the keys and the values (usually JSON); the store only
// keeps them. Each write is one statement, so its own transaction.
class ViewStateRepository {
 public:
  explicit ViewStateRepository(Database& db) : db_(db) {}

  std::optional<std::string> get(const std::string& key);
  // Throws Error(InvalidArgument) on an empty key, Error(Io) when the project is read-only.
  void set(const std::string& key, const std::string& value);
  // Forgetting a key that is not there is not an error.
  void remove(const std::string& key);

 private:
  Database& db_;
};

}  // namespace lathe::store
