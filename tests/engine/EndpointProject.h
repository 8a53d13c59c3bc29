#pragma once
// Shared by the request log's tests: a new project at `path` holding one endpoint ("e"), whose
// id the log's records name (request_log's foreign key).
#include <cstdint>
#include <string>

#include "engine/store/Project.h"
#include "engine/store/Timestamp.h"

namespace enginetest {

// Creates the project and its endpoint; returns the endpoint's id.
inline std::int64_t createProjectWithEndpoint(const std::string& path) {
  auto project = lathe::store::Project::create(path, lathe::store::ProjectInfo{"Log", {}, {}, {}, {}, {}, {}});
  const std::string now = lathe::store::timestampNow();
  project->db().execute("INSERT INTO endpoint (name, token, created_at, modified_at) VALUES ('e', 't', '" + now +
                        "', '" + now + "')");
  return project->db().lastInsertId();
}

}  // namespace enginetest
