#include "engine/store/ProjectCopy.h"

#include <sqlite3.h>

#include <filesystem>

#include "engine/jobs/JobCancelled.h"
#include "engine/jobs/JobContext.h"
#include "engine/store/Database.h"
#include "engine/store/ProjectFileError.h"
#include "engine/store/ProjectFiles.h"
#include "engine/store/ProjectLock.h"
#include "engine/store/StoreError.h"

namespace lathe::store {
namespace fs = std::filesystem;
namespace {

constexpr int kOpsBetweenStopChecks = 10000;

int stopRequested(void* context) { return static_cast<const jobs::JobContext*>(context)->stopRequested() ? 1 : 0; }

bool sameFile(const std::string& a, const std::string& b) {
  std::error_code error;
  return fs::equivalent(a, b, error) && !error;
}

}  // namespace

void ProjectCopy::saveAs(Database& source, const std::string& target, const jobs::JobContext* context) {
  if (sameFile(source.path(), target))
    throw ProjectFileError(ProjectProblem::SameFile, "is this project's own file; choose another name", target);
  // Write bits are checked as Project::open checks them, so a read-only folder or file stays
  // read-only even for root, and the user hears why before any work starts.
  if (!ProjectFiles::mayWrite(ProjectFiles::folderOf(target)))
    throw ProjectFileError(ProjectProblem::WriteFailed, "cannot be written: its folder is read-only", target);
  std::error_code error;
  if (fs::exists(target, error) && !ProjectFiles::mayWrite(target))
    throw ProjectFileError(ProjectProblem::WriteFailed, "cannot be replaced: the file is read-only", target);
  if (fs::exists(target, error)) {
    ProjectLock probe;  // replacing a project another Lathe has open would pull it from under it
    if (!probe.tryAcquire(target))
      throw ProjectFileError(ProjectProblem::InUse, "is open in another Lathe window or process", target);
  }
  const std::string temporary = ProjectFiles::temporaryPathBeside(target, "saving");
  if (context) sqlite3_progress_handler(source.handle(), kOpsBetweenStopChecks, stopRequested,
                                        const_cast<jobs::JobContext*>(context));
  try {
    if (context) context->progress(0.0, "Copying the project");
    Statement vacuum = source.prepare("VACUUM INTO ?1");
    vacuum.bind(1, temporary);
    vacuum.run();
    if (context) context->progress(0.9, "Writing the copy to disk");
    ProjectFiles::syncFile(temporary);
    ProjectFiles::renameReplace(temporary, target);
  } catch (const StoreError& e) {
    sqlite3_progress_handler(source.handle(), 0, nullptr, nullptr);
    ProjectFiles::removeWithSidecars(temporary);
    if (e.primaryCode() == SQLITE_INTERRUPT && context && context->stopRequested()) throw jobs::JobCancelled();
    throw ProjectFileError(ProjectProblem::WriteFailed,
                           "could not be written; nothing was changed: " + e.message(), target);
  } catch (...) {
    sqlite3_progress_handler(source.handle(), 0, nullptr, nullptr);
    ProjectFiles::removeWithSidecars(temporary);
    throw;
  }
  sqlite3_progress_handler(source.handle(), 0, nullptr, nullptr);
  if (context) context->progress(1.0);
}

}  // namespace lathe::store
