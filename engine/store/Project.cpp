#include "engine/store/Project.h"

#include <fcntl.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <unistd.h>

#include <atomic>
#include <cstdio>
#include <filesystem>
#include <cerrno>

#include "engine/store/ProjectFileError.h"
#include "engine/store/ProjectFiles.h"
#include "engine/store/ProjectFormat.h"
#include "engine/store/ProjectInfoRepository.h"
#include "engine/store/StoreError.h"
#include "engine/store/Transaction.h"

namespace lathe::store {
namespace fs = std::filesystem;
namespace {

// Page size of new projects: most bytes are column blobs, which SQLite stores faster in larger
// pages (fewer overflow pages per chunk); 16 KiB keeps small commits cheap.
constexpr int kPageSize = 16384;
constexpr const char* kSqliteMagic = "SQLite format 3";

// Refuses what is not an SQLite file before SQLite sees it, with its own message each.
void checkFileKind(const std::string& path) {
  std::error_code error;
  const fs::file_status status = fs::symlink_status(path, error);
  if (error || status.type() == fs::file_type::not_found)
    throw ProjectFileError(ProjectProblem::Missing, "no such project file", path);
  if (status.type() != fs::file_type::regular)
    throw ProjectFileError(ProjectProblem::NotAFile, "is not a regular file (a folder, a link or a device)", path);
  // Not an ifstream: closing a descriptor of a file this process has open in SQLite would drop
  // SQLite's locks on it, so ProjectLock decides when this one may close.
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
  if (fd < 0) throw ProjectFileError(ProjectProblem::Missing, "cannot be read (permission denied)", path);
  char header[16] = {};
  ssize_t got = 0;
  while (got < static_cast<ssize_t>(sizeof header)) {
    const ssize_t n = ::pread(fd, header + got, sizeof header - static_cast<std::size_t>(got), got);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    got += n;
  }
  ProjectLock::closeDescriptor(fd);
  if (got == 0) throw ProjectFileError(ProjectProblem::Empty, "is empty (0 bytes), not a Lathe project", path);
  if (got < 16 || std::string_view(header, 15) != kSqliteMagic || header[15] != '\0')
    throw ProjectFileError(ProjectProblem::NotADatabase, "is not a Lathe project (not an SQLite database)", path);
}

// Whether Lathe may write here: the file and its folder (WAL keeps two files beside it).
bool writable(const std::string& path) {
  return ProjectFiles::mayWrite(path) && ProjectFiles::mayWrite(ProjectFiles::folderOf(path));
}

// Settings that live per connection, for every connection to a project.
void configureConnection(Database& db, bool writer) {
  db.execute("PRAGMA cell_size_check = ON");
  if (writer) {
    // FULL: a commit the user saw is on the disk, even through a power cut.
    db.execute("PRAGMA synchronous = FULL");
    db.execute("PRAGMA journal_size_limit = 67108864");
  }
}

std::int64_t queryPragma(Database& db, const std::string& path, const char* pragma) {
  try {
    return db.queryInt(std::string("PRAGMA ") + pragma);
  } catch (const StoreError& e) {
    if (e.primaryCode() == SQLITE_NOTADB)
      throw ProjectFileError(ProjectProblem::NotADatabase, "is not a Lathe project (not an SQLite database)", path);
    if (e.primaryCode() == SQLITE_CORRUPT)
      throw ProjectFileError(ProjectProblem::Damaged, "is damaged: SQLite cannot read its schema", path);
    throw;
  }
}

bool passesQuickCheck(Database& db) {
  try {
    Statement check = db.prepare("PRAGMA quick_check(1)");
    return check.step() && check.text(0) == "ok";
  } catch (const StoreError& e) {
    if (e.code() == ErrorCode::Corrupt) return false;
    throw;
  }
}

// The tables of format 1, which every later format keeps: a file missing one is damaged, and
// finding that here beats a "no such table" from the middle of the window's first read.
constexpr const char* kRequiredTables[] = {"project", "dataset", "dataset_version", "dataset_column",
                                           "column_chunk", "recipe", "pipeline", "run", "run_metric",
                                           "run_curve", "run_confusion", "run_tag", "model_artifact",
                                           "view_state"};

bool hasProjectRow(Database& db) {
  try {
    Statement table = db.prepare("SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = ?1");
    for (const char* name : kRequiredTables) {
      table.reset();
      table.bind(1, name);
      if (!table.step() || table.int64(0) != 1) return false;
    }
    return db.queryInt("SELECT count(*) FROM project WHERE id = 1") == 1;
  } catch (const StoreError& e) {
    // No such table, or a schema SQLite cannot read. Anything else (out of memory, an I/O error,
    // a busy file) says nothing about the file and must not get it called damaged.
    if (e.primaryCode() == SQLITE_ERROR || e.code() == ErrorCode::Corrupt) return false;
    throw;
  }
}

// The backup is written under a temporary name and renamed into place once complete, so a
// failure or a kill part-way never leaves a half backup that looks like a good one.
void copyWithBackupApi(Database& from, const std::string& target, const std::string& vfs) {
  const std::string temporary = ProjectFiles::temporaryPathBeside(target, "backup");
  try {
    {
      Database to(temporary, {Database::Mode::Create, vfs});
      sqlite3_backup* backup = sqlite3_backup_init(to.handle(), "main", from.handle(), "main");
      if (!backup) StoreError::raise(to.handle(), sqlite3_errcode(to.handle()), target, "cannot back up the project");
      sqlite3_backup_step(backup, -1);
      const int rc = sqlite3_backup_finish(backup);
      if (rc != SQLITE_OK) StoreError::raise(to.handle(), rc, target, "cannot back up the project");
      // The copy keeps the source's WAL flag; a backup is a closed file, one file on its own.
      to.execute("PRAGMA journal_mode = DELETE");
    }
    ProjectFiles::syncFile(temporary);
    ProjectFiles::renameNoReplace(temporary, target);
  } catch (...) {
    ProjectFiles::removeWithSidecars(temporary);
    throw;
  }
}

std::string uniqueBackupPath(const std::string& path, std::int64_t version) {
  const std::string base = path + ".format-" + std::to_string(version) + ".bak";
  std::string candidate = base;
  for (int n = 2; fs::exists(candidate); ++n) candidate = base + "." + std::to_string(n);
  return candidate;
}

}  // namespace

Project::Project(std::string path, Database db, ProjectLock lock, ReadOnlyReason reason, std::string vfs)
    : path_(std::move(path)), lock_(std::move(lock)), db_(std::move(db)), readOnlyReason_(reason), vfs_(std::move(vfs)) {}

Project::~Project() {
  if (readOnly()) return;
  // Back to a rollback journal, so the closed file has no -wal and -shm beside it and opens in a
  // read-only folder. Only the last connection can switch (a job's or another process's reader
  // keeps WAL on, which is fine): never wait for them, never throw from here.
  sqlite3_busy_timeout(db_.handle(), 0);
  sqlite3_exec(db_.handle(), "PRAGMA journal_mode = DELETE", nullptr, nullptr, nullptr);
}

std::unique_ptr<Project> Project::create(const std::string& path, const ProjectInfo& info,
                                         const ProjectOpenOptions& options) {
  if (info.name.empty()) throw Error(ErrorCode::InvalidArgument, "a project needs a name");
  std::error_code error;
  if (fs::symlink_status(path, error).type() != fs::file_type::not_found)
    throw ProjectFileError(ProjectProblem::AlreadyExists, "already exists; choose another name", path);
  const std::string temporary = ProjectFiles::temporaryPathBeside(path, "new");
  try {
    {
      Database db(temporary, {Database::Mode::Create, options.vfs});
      db.execute("PRAGMA page_size = " + std::to_string(kPageSize));
      db.execute("PRAGMA journal_mode = DELETE");
      db.execute("PRAGMA synchronous = FULL");
      Migrations::apply(db, options.migrations);
      Transaction transaction(db);
      ProjectInfoRepository(db).insert(info);
      transaction.commit();
    }
    ProjectFiles::renameNoReplace(temporary, path);
  } catch (const StoreError& e) {
    ProjectFiles::removeWithSidecars(temporary);
    throw ProjectFileError(ProjectProblem::WriteFailed, std::string("cannot create the project: ") + e.message(), path);
  } catch (...) {
    ProjectFiles::removeWithSidecars(temporary);
    throw;
  }
  return open(path, options);
}

std::unique_ptr<Project> Project::open(const std::string& path, const ProjectOpenOptions& options) {
  checkFileKind(path);
  ReadOnlyReason reason = options.readOnly      ? ReadOnlyReason::Requested
                          : !writable(path)     ? ReadOnlyReason::FileNotWritable
                                                : ReadOnlyReason::None;
  ProjectLock lock;
  if (reason == ReadOnlyReason::None && !lock.tryAcquire(path)) {
    if (!options.readOnlyWhenInUse)
      throw ProjectFileError(ProjectProblem::InUse,
                             "is open in another Lathe window or process; close it there first", path);
    reason = ReadOnlyReason::InUse;
  }
  const auto modeFor = [](ReadOnlyReason r) {
    return r == ReadOnlyReason::None ? Database::Mode::ReadWrite : Database::Mode::ReadOnly;
  };
  Database db(path, {modeFor(reason), options.vfs});

  const std::int64_t applicationId = queryPragma(db, path, "application_id");
  if (applicationId != kApplicationId) {
    char id[16];
    std::snprintf(id, sizeof id, "0x%08X", static_cast<unsigned>(applicationId));
    throw ProjectFileError(ProjectProblem::ForeignDatabase,
                           applicationId == 0 ? "is an SQLite database, but not a Lathe project"
                                              : std::string("is another application's SQLite database "
                                                            "(application_id ") + id + "), not a Lathe project",
                           path);
  }
  const std::int64_t version = queryPragma(db, path, "user_version");
  const int latest = Migrations::latestVersion(options.migrations);
  if (version > latest)
    throw ProjectFileError(ProjectProblem::NewerVersion,
                           "was saved by a newer Lathe (project format " + std::to_string(version) +
                               "; this Lathe reads up to format " + std::to_string(latest) +
                               "). Update Lathe to open it; the file was not changed.",
                           path);
  if (!passesQuickCheck(db) || version < 1 || !hasProjectRow(db)) {
    // Readable, perhaps, but never written to again: a write could spread the damage.
    if (reason == ReadOnlyReason::None) {
      db = Database(path, {Database::Mode::ReadOnly, options.vfs});
      lock.release();
    }
    if (version < 1 || !hasProjectRow(db))
      throw ProjectFileError(ProjectProblem::Damaged, "is damaged: its project tables are missing", path);
    reason = ReadOnlyReason::Damaged;
  }

  std::string backupPath;
  if (version < latest) {
    if (reason != ReadOnlyReason::None)
      throw ProjectFileError(ProjectProblem::OlderReadOnly,
                             "was saved by an older Lathe (project format " + std::to_string(version) +
                                 ") and must be upgraded, but it is read-only here. Copy it somewhere "
                                 "writable and open the copy.",
                             path);
    backupPath = uniqueBackupPath(path, version);
    try {
      copyWithBackupApi(db, backupPath, options.vfs);
      Migrations::apply(db, options.migrations, options.beforeMigration);
    } catch (const StoreError& e) {
      throw ProjectFileError(ProjectProblem::WriteFailed,
                             std::string("cannot upgrade the project; it was not changed: ") + e.message(), path);
    }
  }
  if (reason == ReadOnlyReason::None) {
    Statement mode = db.prepare("PRAGMA journal_mode = WAL");
    mode.step();
  }
  configureConnection(db, reason == ReadOnlyReason::None);

  auto project = std::unique_ptr<Project>(new Project(path, std::move(db), std::move(lock), reason, options.vfs));
  project->backupPath_ = std::move(backupPath);
  return project;
}

Database Project::connect() const {
  const bool writer = readOnlyReason_ == ReadOnlyReason::None;
  Database db(path_, {writer ? Database::Mode::ReadWrite : Database::Mode::ReadOnly, vfs_});
  configureConnection(db, writer);
  return db;
}

void Project::requireWritable() const {
  if (!readOnly()) return;
  throw ProjectFileError(ProjectProblem::WriteFailed,
                         std::string("is open read-only (") + readOnlyReasonText(readOnlyReason_) + ")", path_);
}

const char* readOnlyReasonText(ReadOnlyReason reason) {
  switch (reason) {
    case ReadOnlyReason::None: return "writable";
    case ReadOnlyReason::Requested: return "opened read-only on request";
    case ReadOnlyReason::FileNotWritable: return "the file or its folder is read-only";
    case ReadOnlyReason::InUse: return "open for writing in another Lathe window or process";
    case ReadOnlyReason::Damaged: return "the file is damaged";
  }
  return "read-only";
}

}  // namespace lathe::store
