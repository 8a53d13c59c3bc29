#pragma once
#include <string>

namespace lathe::store {

// Says "this project is open for writing here" to every other Lathe process: an exclusive
// flock() on the project file. The kernel drops it when the process dies, even by kill -9, so a
// crash never leaves a stale lock. flock and SQLite's own fcntl locks do not interact on Linux.
//
// One catch: POSIX drops every fcntl lock a process holds on a file as soon as the process
// closes *any* descriptor of that file, so closing the lock's descriptor would silently drop the
// locks of SQLite connections to the same file (sqlite.org/howtocorrupt.html, 2.2). The lock
// therefore keeps one descriptor per file for the whole process and closes it only when no
// Database of this process has that file open; Database reports its connections here.
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

  // Called by Database for each connection it opens and closes (`connection` is its handle).
  static void connectionOpened(const void* connection, const std::string& path) noexcept;
  static void connectionClosed(const void* connection) noexcept;
  // Closes `fd`, a descriptor Lathe opened on a project file for its own reading, now or, if a
  // Database of this process has that file open, once the last one closes.
  static void closeDescriptor(int fd) noexcept;

 private:
  int fd_ = -1;
  unsigned long long device_ = 0;
  unsigned long long inode_ = 0;
};

}  // namespace lathe::store
