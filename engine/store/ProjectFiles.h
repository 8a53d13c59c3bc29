#pragma once
#include <string>

namespace lathe::store {

// File-system steps that keep a project whole: temporary files beside the target (same file
// system, so the final rename is atomic), renames that are durable, and clean-up that takes
// SQLite's side files along.
class ProjectFiles {
 public:
  static std::string folderOf(const std::string& path);
  // A hidden, unused name in the folder of `path`: ".NAME.TAG-PID-N".
  static std::string temporaryPathBeside(const std::string& path, const char* tag);
  // Atomically moves `from` to `to`, failing with ProjectProblem::AlreadyExists if `to` exists.
  static void renameNoReplace(const std::string& from, const std::string& to);
  // Atomically moves `from` over `to`, then syncs the folder so the rename survives a crash.
  static void renameReplace(const std::string& from, const std::string& to);
  // fsync; throws ProjectFileError(WriteFailed) when the disk reports an error, since a copy
  // that may not be on the disk must never replace a good file.
  static void syncFile(const std::string& path);
  // Whether Lathe may write the file or folder `path`: its write bits, access() and a writable
  // file system. The write bits count even for root, so what the user made read-only stays so.
  static bool mayWrite(const std::string& path);
  // Removes `path` and its -journal, -wal and -shm files; never throws.
  static void removeWithSidecars(const std::string& path) noexcept;
};

}  // namespace lathe::store
