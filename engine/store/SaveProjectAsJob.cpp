#include "engine/store/SaveProjectAsJob.h"

#include "engine/store/Project.h"
#include "engine/store/ProjectCopy.h"

namespace lathe::store {

void SaveProjectAsJob::run(jobs::JobContext& context) {
  try {
    Database connection = project_->connect();
    ProjectCopy::saveAs(connection, target_, &context);
  } catch (const ProjectFileError& e) {
    problem_ = e.problem();
    throw;
  }
}

}  // namespace lathe::store
