#pragma once
#include <string>

namespace lathe::store {

// Says "this project is open for writing here" to every other Lathe process: an exclusive
// flock() on the project file. The kernel drops it when the process dies, even by kill -9, so a
// crash never leaves a stale lock. flock and SQLite's own fcntl locks do not interact on Linux.
class ProjectLock {
 public:
  ProjectLock() = default;
  ~ProjectLock();
  ProjectLock(ProjectLock&& other) noexcept;
  ProjectLock& operator=(ProjectLock&& other) noexcept;
  ProjectLock(const ProjectLock&) = delete;
  ProjectLock& operator=(const ProjectLock&) = delete;

  // False when another process (or another open project in this one) holds it.
  bool tryAcquire(const std::string& path);
  bool held() const noexcept { return fd_ >= 0; }
  void release();

 private:
  int fd_ = -1;
};

}  // namespace lathe::store
