#include "engine/store/OpenProjectJob.h"

namespace lathe::store {

void OpenProjectJob::run(jobs::JobContext& context) {
  context.progress(0.0, "Checking the project file");
  try {
    project_ = Project::open(path_, options_);
  } catch (const ProjectFileError& e) {
    problem_ = e.problem();
    throw;
  }
  // Cancel during the checks: the work is done, but the user no longer wants the project.
  if (context.stopRequested()) project_.reset();
  context.throwIfStopped();
  context.progress(1.0);
}

}  // namespace lathe::store
