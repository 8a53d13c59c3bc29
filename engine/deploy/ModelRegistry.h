#pragma once
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "engine/deploy/ModelVersionInfo.h"
#include "engine/deploy/ScoringModel.h"

namespace lathe::store {
class Database;
}

namespace lathe::deploy {

// The project's model registry: named models, each with immutable numbered versions (the
// database refuses an UPDATE of a version), and the aliases candidate, production and archived
// with every move recorded. One transaction per change.
class ModelRegistry {
 public:
  static constexpr const char* kAliases[] = {"candidate", "production", "archived"};

  explicit ModelRegistry(store::Database& db) : db_(db) {}

  // Stores the next version of `content.info.model` (creating the model on its first version).
  // Throws lathe::Error(InvalidArgument) for an empty or over-long name.
  ModelVersionInfo add(const ModelVersionContent& content);

  std::vector<std::string> models();
  std::vector<ModelVersionInfo> versions(const std::string& model);
  std::vector<ModelVersionInfo> allVersions();
  std::optional<ModelVersionInfo> version(std::int64_t versionId);
  // "name" (its production version, else its newest), "name:3" or "name:production".
  // Throws lathe::Error(InvalidArgument) naming what is not there.
  ModelVersionInfo resolve(const std::string& reference);
  std::optional<ModelVersionInfo> production(const std::string& model);

  std::string modelBytes(std::int64_t versionId);
  nlohmann::json recipes(std::int64_t versionId);
  // The version ready to score.
  std::shared_ptr<const ScoringModel> load(std::int64_t versionId);
  // Everything needed to rebuild the version elsewhere (a bundle).
  ModelVersionContent content(std::int64_t versionId);

  // Moves `alias` ("" removes the version's alias) to the version, with the reason. A version
  // moved to production sends the model's previous production version to archived (recorded
  // too). Throws lathe::Error(InvalidArgument) for an unknown alias or version.
  void setAlias(std::int64_t versionId, const std::string& alias, const std::string& reason);
  std::vector<AliasEvent> history(const std::string& model);

  static bool isAlias(const std::string& alias);

 private:
  void recordMove(std::int64_t versionId, const std::string& from, const std::string& to, const std::string& reason);

  store::Database& db_;
};

}  // namespace lathe::deploy
