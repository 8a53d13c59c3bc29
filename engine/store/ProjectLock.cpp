#include "engine/store/ProjectLock.h"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <map>
#include <mutex>
#include <utility>
#include <vector>

namespace lathe::store {
namespace {

using FileKey = std::pair<unsigned long long, unsigned long long>;  // device, inode

struct FileEntry {
  int fd = -1;          // the flock descriptor, kept while connections are open
  bool held = false;    // a ProjectLock of this process holds the flock
  int connections = 0;  // open Database connections of this process to the file
  std::vector<int> spare;  // other descriptors waiting for the connections to close
};

// Process-wide: which project files this process locks or has connections to.
struct Registry {
  std::mutex mutex;
  std::map<FileKey, FileEntry> files;
  std::map<const void*, FileKey> connections;
  pid_t pid = 0;

  // After fork() the child inherits the parent's descriptors, and an inherited descriptor shares
  // the parent's flock: reusing it would let the child "acquire" the parent's lock. Forget them
  // (closing one would not release the parent's lock, but is not needed either).
  void forgetInheritedState() {
    if (pid == ::getpid()) return;
    files.clear();
    connections.clear();
    pid = ::getpid();
  }

  // Closes the descriptor once nothing in this process needs it; only then is closing safe.
  void closeIfUnused(const FileKey& key) {
    const auto it = files.find(key);
    if (it == files.end() || it->second.held || it->second.connections > 0) return;
    if (it->second.fd >= 0) ::close(it->second.fd);
    for (const int fd : it->second.spare) ::close(fd);
    files.erase(it);
  }
};

Registry& registry() {
  static Registry* instance = new Registry;  // never destroyed: locks may outlive static destructors
  return *instance;
}

bool keyOf(const std::string& path, FileKey& key) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) return false;
  key = {st.st_dev, st.st_ino};
  return true;
}

}  // namespace

ProjectLock::~ProjectLock() { release(); }

ProjectLock::ProjectLock(ProjectLock&& other) noexcept
    : fd_(std::exchange(other.fd_, -1)), device_(other.device_), inode_(other.inode_) {}

ProjectLock& ProjectLock::operator=(ProjectLock&& other) noexcept {
  if (this != &other) {
    release();
    fd_ = std::exchange(other.fd_, -1);
    device_ = other.device_;
    inode_ = other.inode_;
  }
  return *this;
}

bool ProjectLock::tryAcquire(const std::string& path) {
  release();
  struct stat linkStat {};
  if (::lstat(path.c_str(), &linkStat) != 0 || !S_ISREG(linkStat.st_mode)) return false;  // never through a link
  Registry& r = registry();
  std::lock_guard guard(r.mutex);
  r.forgetInheritedState();
  const FileKey key{linkStat.st_dev, linkStat.st_ino};
  FileEntry& entry = r.files[key];
  if (entry.held) return false;  // another project of this process has it open for writing
  if (entry.fd < 0) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
    struct stat opened {};
    if (fd >= 0 && ::fstat(fd, &opened) == 0 && FileKey{opened.st_dev, opened.st_ino} == key) {
      entry.fd = fd;
    } else {
      // Replaced between lstat and open: leave that file's descriptor open (closing it could
      // drop locks on it), and give up as if in use.
      r.closeIfUnused(key);
      return false;
    }
  }
  int rc;
  do {
    rc = ::flock(entry.fd, LOCK_EX | LOCK_NB);
  } while (rc != 0 && errno == EINTR);
  if (rc != 0) {
    r.closeIfUnused(key);
    return false;
  }
  entry.held = true;
  fd_ = entry.fd;
  device_ = key.first;
  inode_ = key.second;
  return true;
}

void ProjectLock::release() {
  if (fd_ < 0) return;
  Registry& r = registry();
  std::lock_guard guard(r.mutex);
  ::flock(fd_, LOCK_UN);
  const FileKey key{device_, inode_};
  if (r.pid == ::getpid()) {
    if (const auto it = r.files.find(key); it != r.files.end()) it->second.held = false;
    r.closeIfUnused(key);
  }
  fd_ = -1;
}

void ProjectLock::connectionOpened(const void* connection, const std::string& path) noexcept {
  FileKey key;
  if (!connection || !keyOf(path, key)) return;
  Registry& r = registry();
  try {
    std::lock_guard guard(r.mutex);
    r.forgetInheritedState();
    if (r.connections.emplace(connection, key).second) ++r.files[key].connections;
  } catch (...) {
    // Out of memory: this connection goes uncounted, which only matters if this process also
    // drops a lock on the same file while it is open.
  }
}

void ProjectLock::connectionClosed(const void* connection) noexcept {
  if (!connection) return;
  Registry& r = registry();
  std::lock_guard guard(r.mutex);
  if (r.pid != ::getpid()) return;
  const auto it = r.connections.find(connection);
  if (it == r.connections.end()) return;
  const FileKey key = it->second;
  r.connections.erase(it);
  if (const auto file = r.files.find(key); file != r.files.end()) --file->second.connections;
  r.closeIfUnused(key);
}

void ProjectLock::closeDescriptor(int fd) noexcept {
  if (fd < 0) return;
  struct stat st {};
  Registry& r = registry();
  std::lock_guard guard(r.mutex);
  r.forgetInheritedState();
  if (::fstat(fd, &st) == 0) {
    const auto it = r.files.find(FileKey{st.st_dev, st.st_ino});
    if (it != r.files.end() && (it->second.held || it->second.connections > 0)) {
      try {
        it->second.spare.push_back(fd);
        return;
      } catch (...) {
        // Out of memory: keeping the locks matters more than one descriptor; leak it.
        return;
      }
    }
  }
  ::close(fd);
}

}  // namespace lathe::store
