#pragma once
// A test VFS that wraps SQLite's default "unix" VFS and fails on command: a write runs out of
// disk (SQLITE_FULL, as ENOSPC) or hits an I/O error (SQLITE_IOERR_WRITE, as EIO) after a given
// number of bytes, or a sync fails (SQLITE_IOERR_FSYNC). Controls are process-wide atomics, so a
// test arms a fault, runs the action and clears it; every connection opened with the VFS name
// (ProjectOpenOptions::vfs, Database::Options::vfs) sees them. Header-only test support.
#include <sqlite3.h>

#include <atomic>
#include <cstdint>
#include <cstring>
#include <mutex>
#include <string>

namespace faulty {

enum class WriteFault { None, DiskFull, IoError };

inline constexpr const char* kVfsName = "lathe-faulty";

struct Controls {
  std::atomic<WriteFault> writeFault{WriteFault::None};
  // Bytes still written normally before the write fault strikes; a write that crosses the limit
  // writes its first part, then fails, like a disk that fills up half-way through a write.
  std::atomic<std::int64_t> bytesBeforeFault{0};
  std::atomic<bool> syncFault{false};
  // What the shim saw, so a test can prove its fault was hit.
  std::atomic<int> writeFailures{0};
  std::atomic<int> syncFailures{0};
  std::atomic<std::int64_t> bytesWritten{0};
  std::atomic<int> syncs{0};
  // Only files whose path contains this text fail ("" = every file).
  std::mutex filterMutex;
  std::string fileFilter;
};

inline Controls& controls() {
  static Controls instance;
  return instance;
}

inline void clearFaults() {
  Controls& c = controls();
  c.writeFault = WriteFault::None;
  c.bytesBeforeFault = 0;
  c.syncFault = false;
  std::lock_guard lock(c.filterMutex);
  c.fileFilter.clear();
}

inline void resetCounters() {
  Controls& c = controls();
  c.writeFailures = 0;
  c.syncFailures = 0;
  c.bytesWritten = 0;
  c.syncs = 0;
}

// Fails writes after `bytes` more bytes (0: the next write) with ENOSPC or EIO.
inline void failWritesAfter(std::int64_t bytes, WriteFault fault) {
  controls().bytesBeforeFault = bytes;
  controls().writeFault = fault;
}

inline void failSyncs(bool on = true) { controls().syncFault = on; }

inline void onlyFilesContaining(const std::string& text) {
  std::lock_guard lock(controls().filterMutex);
  controls().fileFilter = text;
}

namespace detail {

struct File {
  sqlite3_file base;
  sqlite3_file* real;  // the unix VFS's file, allocated right after this struct
  bool faulty;         // matches the filter at open time
};

inline sqlite3_vfs*& realVfs() {
  static sqlite3_vfs* vfs = nullptr;
  return vfs;
}

inline File* self(sqlite3_file* file) { return reinterpret_cast<File*>(file); }
inline sqlite3_file* real(sqlite3_file* file) { return self(file)->real; }

inline int xClose(sqlite3_file* f) { return real(f)->pMethods->xClose(real(f)); }
inline int xRead(sqlite3_file* f, void* buffer, int amount, sqlite3_int64 offset) {
  return real(f)->pMethods->xRead(real(f), buffer, amount, offset);
}

inline int xWrite(sqlite3_file* f, const void* buffer, int amount, sqlite3_int64 offset) {
  Controls& c = controls();
  const WriteFault fault = c.writeFault.load();
  if (self(f)->faulty && fault != WriteFault::None) {
    const std::int64_t left = c.bytesBeforeFault.load();
    if (amount > left) {
      // Write what still fits, as a filling disk does, then fail.
      if (left > 0) real(f)->pMethods->xWrite(real(f), buffer, static_cast<int>(left), offset);
      c.bytesBeforeFault = 0;
      ++c.writeFailures;
      return fault == WriteFault::DiskFull ? SQLITE_FULL : SQLITE_IOERR_WRITE;
    }
    c.bytesBeforeFault = left - amount;
  }
  c.bytesWritten += amount;
  return real(f)->pMethods->xWrite(real(f), buffer, amount, offset);
}

inline int xTruncate(sqlite3_file* f, sqlite3_int64 size) { return real(f)->pMethods->xTruncate(real(f), size); }

inline int xSync(sqlite3_file* f, int flags) {
  Controls& c = controls();
  ++c.syncs;
  if (self(f)->faulty && c.syncFault.load()) {
    ++c.syncFailures;
    return SQLITE_IOERR_FSYNC;
  }
  return real(f)->pMethods->xSync(real(f), flags);
}

inline int xFileSize(sqlite3_file* f, sqlite3_int64* size) { return real(f)->pMethods->xFileSize(real(f), size); }
inline int xLock(sqlite3_file* f, int level) { return real(f)->pMethods->xLock(real(f), level); }
inline int xUnlock(sqlite3_file* f, int level) { return real(f)->pMethods->xUnlock(real(f), level); }
inline int xCheckReservedLock(sqlite3_file* f, int* out) { return real(f)->pMethods->xCheckReservedLock(real(f), out); }
inline int xFileControl(sqlite3_file* f, int op, void* arg) { return real(f)->pMethods->xFileControl(real(f), op, arg); }
inline int xSectorSize(sqlite3_file* f) { return real(f)->pMethods->xSectorSize(real(f)); }
inline int xDeviceCharacteristics(sqlite3_file* f) { return real(f)->pMethods->xDeviceCharacteristics(real(f)); }
inline int xShmMap(sqlite3_file* f, int page, int size, int extend, void volatile** out) {
  return real(f)->pMethods->xShmMap(real(f), page, size, extend, out);
}
inline int xShmLock(sqlite3_file* f, int offset, int n, int flags) {
  return real(f)->pMethods->xShmLock(real(f), offset, n, flags);
}
inline void xShmBarrier(sqlite3_file* f) { real(f)->pMethods->xShmBarrier(real(f)); }
inline int xShmUnmap(sqlite3_file* f, int deleteFlag) { return real(f)->pMethods->xShmUnmap(real(f), deleteFlag); }
inline int xFetch(sqlite3_file* f, sqlite3_int64 offset, int amount, void** out) {
  return real(f)->pMethods->xFetch(real(f), offset, amount, out);
}
inline int xUnfetch(sqlite3_file* f, sqlite3_int64 offset, void* page) {
  return real(f)->pMethods->xUnfetch(real(f), offset, page);
}

inline const sqlite3_io_methods* ioMethods() {
  static const sqlite3_io_methods methods = {
      3,          xClose,          xRead,         xWrite,   xTruncate, xSync,        xFileSize,
      xLock,      xUnlock,         xCheckReservedLock,      xFileControl, xSectorSize, xDeviceCharacteristics,
      xShmMap,    xShmLock,        xShmBarrier,   xShmUnmap, xFetch,   xUnfetch,
  };
  return &methods;
}

inline int xOpen(sqlite3_vfs*, sqlite3_filename name, sqlite3_file* file, int flags, int* outFlags) {
  File* wrapper = self(file);
  wrapper->real = reinterpret_cast<sqlite3_file*>(wrapper + 1);
  {
    std::lock_guard lock(controls().filterMutex);
    const std::string& filter = controls().fileFilter;
    wrapper->faulty = filter.empty() || (name && std::strstr(name, filter.c_str()) != nullptr);
  }
  const int rc = realVfs()->xOpen(realVfs(), name, wrapper->real, flags, outFlags);
  // SQLite closes a file whose pMethods is set even when the open failed.
  wrapper->base.pMethods = wrapper->real->pMethods ? ioMethods() : nullptr;
  return rc;
}

inline int xDelete(sqlite3_vfs*, const char* name, int syncDir) { return realVfs()->xDelete(realVfs(), name, syncDir); }
inline int xAccess(sqlite3_vfs*, const char* name, int flags, int* out) {
  return realVfs()->xAccess(realVfs(), name, flags, out);
}
inline int xFullPathname(sqlite3_vfs*, const char* name, int size, char* out) {
  return realVfs()->xFullPathname(realVfs(), name, size, out);
}
inline void* xDlOpen(sqlite3_vfs*, const char* name) { return realVfs()->xDlOpen(realVfs(), name); }
inline void xDlError(sqlite3_vfs*, int size, char* out) { realVfs()->xDlError(realVfs(), size, out); }
inline void (*xDlSym(sqlite3_vfs*, void* handle, const char* symbol))(void) {
  return realVfs()->xDlSym(realVfs(), handle, symbol);
}
inline void xDlClose(sqlite3_vfs*, void* handle) { realVfs()->xDlClose(realVfs(), handle); }
inline int xRandomness(sqlite3_vfs*, int size, char* out) { return realVfs()->xRandomness(realVfs(), size, out); }
inline int xSleep(sqlite3_vfs*, int microseconds) { return realVfs()->xSleep(realVfs(), microseconds); }
inline int xCurrentTime(sqlite3_vfs*, double* out) { return realVfs()->xCurrentTime(realVfs(), out); }
inline int xGetLastError(sqlite3_vfs*, int size, char* out) { return realVfs()->xGetLastError(realVfs(), size, out); }
inline int xCurrentTimeInt64(sqlite3_vfs*, sqlite3_int64* out) {
  return realVfs()->xCurrentTimeInt64(realVfs(), out);
}
inline int xSetSystemCall(sqlite3_vfs*, const char* name, sqlite3_syscall_ptr call) {
  return realVfs()->xSetSystemCall(realVfs(), name, call);
}
inline sqlite3_syscall_ptr xGetSystemCall(sqlite3_vfs*, const char* name) {
  return realVfs()->xGetSystemCall(realVfs(), name);
}
inline const char* xNextSystemCall(sqlite3_vfs*, const char* name) {
  return realVfs()->xNextSystemCall(realVfs(), name);
}

}  // namespace detail

// Registers the shim (once) under kVfsName, not as the default. Returns false if SQLite has no
// "unix" VFS to wrap.
inline bool registerVfs() {
  static sqlite3_vfs vfs{};
  if (sqlite3_vfs_find(kVfsName)) return true;
  sqlite3_vfs* unix = sqlite3_vfs_find("unix");
  if (!unix) return false;
  detail::realVfs() = unix;
  vfs.iVersion = 3;
  vfs.szOsFile = static_cast<int>(sizeof(detail::File)) + unix->szOsFile;
  vfs.mxPathname = unix->mxPathname;
  vfs.zName = kVfsName;
  vfs.xOpen = detail::xOpen;
  vfs.xDelete = detail::xDelete;
  vfs.xAccess = detail::xAccess;
  vfs.xFullPathname = detail::xFullPathname;
  vfs.xDlOpen = detail::xDlOpen;
  vfs.xDlError = detail::xDlError;
  vfs.xDlSym = detail::xDlSym;
  vfs.xDlClose = detail::xDlClose;
  vfs.xRandomness = detail::xRandomness;
  vfs.xSleep = detail::xSleep;
  vfs.xCurrentTime = detail::xCurrentTime;
  vfs.xGetLastError = detail::xGetLastError;
  vfs.xCurrentTimeInt64 = detail::xCurrentTimeInt64;
  vfs.xSetSystemCall = detail::xSetSystemCall;
  vfs.xGetSystemCall = detail::xGetSystemCall;
  vfs.xNextSystemCall = detail::xNextSystemCall;
  return sqlite3_vfs_register(&vfs, 0) == SQLITE_OK;
}

}  // namespace faulty
