#include "engine/store/SaveProjectAsJob.h"

#include "engine/store/Project.h"
#include "engine/store/ProjectCopy.h"

namespace lathe::store {

void SaveProjectAsJob::run(jobs::JobContext& context) {
  Database connection = project_->connect();
  ProjectCopy::saveAs(connection, target_, &context);
}

}  // namespace lathe::store
