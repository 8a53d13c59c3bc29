#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "engine/deploy/RequestRecord.h"
#include "engine/store/Database.h"

namespace lathe::deploy {

// The request log's insurance against a killed server. Every record is appended to a journal
// file beside the project before the server answers (one write(2) to the page cache: it survives
// the process, not a power cut, as SQLite's synchronous=NORMAL), and the log's writer records
// in the same transaction as each batch how many of the journal's records request_log now holds
// (table request_journal). A server killed with records still queued leaves them in its
// journal; the next RequestLog on the project writes them to request_log before anything else
// (recover()), so a kill loses only the requests not yet answered.
//
// Two files, `PROJECT-requests-ID.0` and `.1`, take turns: once the one being written passes
// kRotateBytes and every record of the other is committed, the other is emptied and written
// next, so a journal holds a few megabytes however long the server runs. Each file starts with
// a generation number, new whenever it is emptied, so that a count in request_journal applies
// only to the content it was counted for. The files are locked (flock) while their log lives: a
// journal found unlocked belongs to a process that is gone.
//
// Not thread-safe: RequestLog calls it under its own lock.
class RequestJournal {
 public:
  static constexpr std::uint64_t kRotateBytes = 4u << 20;

  // Where a record sits: which file, in which generation of it, and its index there.
  struct Position {
    int file = 0;
    std::uint64_t generation = 0;
    std::uint64_t index = 0;
  };

  // Creates this log's two files beside the project at `projectPath`; throws lathe::Error(Io).
  explicit RequestJournal(const std::string& projectPath);
  // Removes the files: everything they hold must be committed by then.
  ~RequestJournal();
  RequestJournal(const RequestJournal&) = delete;
  RequestJournal& operator=(const RequestJournal&) = delete;

  // Appends `record`; nullopt when the write failed (a full disk: the record is then only in
  // memory, as without a journal).
  std::optional<Position> append(const RequestRecord& record);
  // The record at `position` is committed, or given up: its file may be emptied once all are.
  void done(const Position& position);
  // The name request_journal knows file `file` by.
  const std::string& name(int file) const { return names_[file]; }
  // Appends whose write failed (a full disk): those records are only in memory.
  std::uint64_t failedWrites() const noexcept { return failedWrites_; }

  // Within the caller's transaction: request_journal now holds `position` and all before it.
  static void markCommitted(store::Database& db, const std::string& name, const Position& position);

  // A journal left by a process that is gone: its records request_log lacks.
  struct Leftover {
    std::string path;
    std::string name;
    std::uint64_t generation = 0;
    std::uint64_t records = 0;  // in the file, committed or not
    std::vector<RequestRecord> missing;
    int fd = -1;  // held (and locked) until forget() or destruction

    Leftover() = default;
    Leftover(Leftover&& other) noexcept;
    Leftover& operator=(Leftover&&) = delete;
    ~Leftover();
  };
  // The leftover journals of the project at `projectPath` (those no living log holds), each
  // with the records request_journal does not count as committed.
  static std::vector<Leftover> leftovers(const std::string& projectPath, store::Database& db);
  // After the leftover's records are committed with markCommitted(…, records - 1): removes the
  // file and its request_journal row.
  static void forget(Leftover& leftover, store::Database& db);
  // Removes the request_journal row of the journal file `name` (once the file is gone).
  static void forgetCount(store::Database& db, const std::string& name);

 private:
  void empty(int file);
  void closeAndRemove() noexcept;

  std::string paths_[2];
  std::string names_[2];
  int fds_[2] = {-1, -1};
  std::uint64_t generations_[2] = {0, 0};
  std::uint64_t records_[2] = {0, 0};      // appended to the file's current generation
  std::uint64_t bytes_[2] = {0, 0};
  std::uint64_t outstanding_[2] = {0, 0};  // appended, not yet done()
  bool broken_[2] = {false, false};        // a torn tail could not be cut off
  std::uint64_t failedWrites_ = 0;
  int current_ = 0;
};

}  // namespace lathe::deploy
