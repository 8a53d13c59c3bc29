#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace lathe::store {

class Database;

// A pipeline as the project stores it: its graph as the engine's JSON, under a unique name.
struct StoredPipeline {
  std::int64_t id = 0;
  std::string name;
  std::string definitionJson;
  std::string createdAt;
  std::string modifiedAt;
};

// Pipelines in the project, found by name (`lathe run PROJECT --pipeline NAME`). The engine's
// Graph comes with a later issue; this stores its JSON as given (it must parse as JSON). Every
// write is one transaction; deleting only hides a pipeline, so undo can bring it back.
class PipelineRepository {
 public:
  explicit PipelineRepository(Database& db) : db_(db) {}

  // Inserts the pipeline, or replaces the definition of the one with this name; returns its id.
  // Names are unique in the file, deleted pipelines included: saving under the name of a
  // deleted pipeline brings that one back with the new definition.
  std::int64_t save(const std::string& name, const std::string& definitionJson);
  // The pipeline of this name, unless deleted.
  std::optional<StoredPipeline> get(const std::string& name);
  // The pipelines not deleted, by name.
  std::vector<StoredPipeline> list();
  // Throws Error(InvalidArgument) when another pipeline (deleted or not) has the name.
  void rename(std::int64_t id, const std::string& name);
  void setDeleted(std::int64_t id, bool deleted);

 private:
  Database& db_;
};

}  // namespace lathe::store
