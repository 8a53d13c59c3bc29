#pragma once
#include "engine/store/ProjectInfo.h"

namespace lathe::store {

class Database;

// Reads and writes the project's row. Each save is one transaction.
class ProjectInfoRepository {
 public:
  explicit ProjectInfoRepository(Database& db) : db_(db) {}

  ProjectInfo load();
  // Stores every field but the timestamps; stamps modifiedAt. Throws on an empty name or a
  // non-finite KPI target or cost.
  void save(const ProjectInfo& info);
  // The first save, in a fresh file (inside the creator's transaction).
  void insert(const ProjectInfo& info);

 private:
  Database& db_;
};

}  // namespace lathe::store
