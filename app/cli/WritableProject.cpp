#include "app/cli/WritableProject.h"

#include "engine/store/Project.h"

namespace lathe::cli {

std::shared_ptr<store::Project> openWritableProject(const std::string& path) {
  store::ProjectOpenOptions options;
  options.readOnlyWhenInUse = false;
  std::shared_ptr<store::Project> project = store::Project::open(path, options);
  project->requireWritable();
  return project;
}

}  // namespace lathe::cli
