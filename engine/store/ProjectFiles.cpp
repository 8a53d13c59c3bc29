#include "engine/store/ProjectFiles.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <stdio.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstring>
#include <filesystem>

#include "engine/store/ProjectFileError.h"

namespace lathe::store {
namespace fs = std::filesystem;
namespace {

void syncPath(const std::string& path, int flags) {
  const int fd = ::open(path.c_str(), flags | O_CLOEXEC);
  if (fd < 0) return;
  ::fsync(fd);
  ::close(fd);
}

[[noreturn]] void renameFailed(const std::string& to, int error) {
  throw ProjectFileError(error == EEXIST ? ProjectProblem::AlreadyExists : ProjectProblem::WriteFailed,
                         error == EEXIST ? std::string("already exists; choose another name")
                                         : std::string("cannot be written: ") + std::strerror(error),
                         to);
}

}  // namespace

std::string ProjectFiles::folderOf(const std::string& path) {
  const fs::path parent = fs::absolute(fs::path(path)).parent_path();
  return parent.empty() ? std::string(".") : parent.string();
}

std::string ProjectFiles::temporaryPathBeside(const std::string& path, const char* tag) {
  static std::atomic<int> counter{0};
  const fs::path target = fs::absolute(fs::path(path));
  for (;;) {
    const std::string name = "." + target.filename().string() + "." + tag + "-" + std::to_string(::getpid()) + "-" +
                             std::to_string(counter++);
    const fs::path candidate = target.parent_path() / name;
    std::error_code error;
    if (!fs::exists(candidate, error)) return candidate.string();
  }
}

void ProjectFiles::renameNoReplace(const std::string& from, const std::string& to) {
  if (::renameat2(AT_FDCWD, from.c_str(), AT_FDCWD, to.c_str(), RENAME_NOREPLACE) != 0) {
    const int error = errno;
    if (error != EINVAL && error != ENOSYS) renameFailed(to, error);
    // A file system without RENAME_NOREPLACE: a hard link refuses an existing name as well.
    if (::link(from.c_str(), to.c_str()) != 0) renameFailed(to, errno);
    ::unlink(from.c_str());
  }
  syncPath(folderOf(to), O_RDONLY | O_DIRECTORY);
}

void ProjectFiles::renameReplace(const std::string& from, const std::string& to) {
  if (::rename(from.c_str(), to.c_str()) != 0) renameFailed(to, errno);
  syncPath(folderOf(to), O_RDONLY | O_DIRECTORY);
}

void ProjectFiles::syncFile(const std::string& path) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  int error = fd < 0 ? errno : 0;
  if (fd >= 0) {
    if (::fsync(fd) != 0) error = errno;
    ::close(fd);
  }
  if (error != 0)
    throw ProjectFileError(ProjectProblem::WriteFailed, std::string("cannot be written to the disk: ") + std::strerror(error),
                           path);
}

bool ProjectFiles::mayWrite(const std::string& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0 || (st.st_mode & 0222) == 0 || ::access(path.c_str(), W_OK) != 0) return false;
  struct statvfs fsStat {};
  return ::statvfs(path.c_str(), &fsStat) != 0 || (fsStat.f_flag & ST_RDONLY) == 0;
}

void ProjectFiles::removeWithSidecars(const std::string& path) noexcept {
  for (const char* suffix : {"", "-journal", "-wal", "-shm"}) ::unlink((path + suffix).c_str());
}

}  // namespace lathe::store
