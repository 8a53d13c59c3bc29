#pragma once
#include <functional>
#include <memory>
#include <span>
#include <string>

#include "engine/store/Database.h"
#include "engine/store/Migrations.h"
#include "engine/store/ProjectInfo.h"
#include "engine/store/ProjectLock.h"

namespace lathe::store {

// Why an open project cannot be written; the window title and the CLI say it.
enum class ReadOnlyReason {
  None,
  Requested,        // the caller asked for read-only
  FileNotWritable,  // the file, its folder or the disk is read-only
  InUse,            // another Lathe window or process has it open for writing
  Damaged,          // quick_check failed: readable, but never written to again
};

struct ProjectOpenOptions {
  bool readOnly = false;
  // When another process has the project open for writing: open read-only (the window), or
  // fail with ProjectProblem::InUse (CLI commands that write).
  bool readOnlyWhenInUse = true;
  std::string vfs;  // tests inject I/O faults through their own VFS
  std::span<const Migration> migrations = Migrations::builtIn();
  std::function<void(const Migration&)> beforeMigration;
};

// An open project file (*.lathe), opened the defensive way: its header, application_id, schema
// version and quick_check are verified before anything reads it. Writable projects run in WAL
// mode, so a job's connection writes while the window's connection reads; closing the project
// checkpoints and turns the file back to a rollback journal, so a closed project is again one
// self-contained file that opens read-only anywhere (a WAL file needs a writable folder for its
// -shm, or it cannot be read at all).
// docs/project-file.md describes the schema and these choices.
class Project {
 public:
  // Creates a new project at `path` (which must not exist) and opens it. The file appears only
  // once complete: it is built under a temporary name and renamed into place.
  static std::unique_ptr<Project> create(const std::string& path, const ProjectInfo& info,
                                         const ProjectOpenOptions& options = {});
  // Throws ProjectFileError naming the problem, or StoreError for an I/O failure.
  static std::unique_ptr<Project> open(const std::string& path, const ProjectOpenOptions& options = {});

  ~Project();

  const std::string& path() const noexcept { return path_; }
  Database& db() noexcept { return db_; }
  bool readOnly() const noexcept { return readOnlyReason_ != ReadOnlyReason::None; }
  ReadOnlyReason readOnlyReason() const noexcept { return readOnlyReason_; }
  // Where the copy made before upgrading an older file went; "" when none was needed.
  const std::string& backupPath() const noexcept { return backupPath_; }

  // Another connection to this project, for a job on another thread: the same mode and VFS.
  Database connect() const;
  // Throws ProjectFileError(WriteFailed) saying why, when the project is read-only.
  void requireWritable() const;

 private:
  Project(std::string path, Database db, ProjectLock lock, ReadOnlyReason reason, std::string vfs);

  std::string path_;
  // Declared before db_ so that it is released after the connection closes: closing the lock's
  // descriptor while a connection is open would let another Lathe in before this one is done.
  ProjectLock lock_;
  Database db_;
  ReadOnlyReason readOnlyReason_;
  std::string vfs_;
  std::string backupPath_;
};

const char* readOnlyReasonText(ReadOnlyReason reason);

}  // namespace lathe::store
