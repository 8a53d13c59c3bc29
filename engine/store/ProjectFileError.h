#pragma once
#include <string>

#include "engine/core/Error.h"

namespace lathe::store {

// Why a project file cannot be opened (or written). Each has its own message, in English here
// and translated by the app, which switches on the problem.
enum class ProjectProblem {
  Missing,          // no such file
  NotAFile,         // a folder or a device
  Empty,            // 0 bytes
  NotADatabase,     // not an SQLite file at all
  ForeignDatabase,  // an SQLite file of another application (application_id)
  NewerVersion,     // written by a newer Lathe (user_version above ours)
  OlderReadOnly,    // an older schema that cannot be upgraded because the file is read-only
  Damaged,          // fails quick_check or is missing its tables
  InUse,            // open for writing in another Lathe window or process
  AlreadyExists,    // create or Save As onto a file that must not be replaced
  SameFile,         // Save As onto the project's own file
  WriteFailed,      // the disk refused (full, read-only, I/O error); nothing was changed
};

class ProjectFileError : public Error {
 public:
  ProjectFileError(ProjectProblem problem, std::string message, std::string file);
  ProjectProblem problem() const noexcept { return problem_; }

 private:
  ProjectProblem problem_;
};

const char* projectProblemName(ProjectProblem problem);

}  // namespace lathe::store
