#pragma once
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

#include "engine/deploy/RequestJournal.h"
#include "engine/deploy/RequestRecord.h"
#include "engine/store/Database.h"

namespace lathe::deploy {

// Writes the server's answered requests to the project's request_log table without ever
// slowing the server: append() only queues (a short lock, and with a journal one write(2)) and a
// thread of the log's own writes the queue in batches, one transaction per batch, every ~100 ms
// or 1,000 records. When the queue is full (the disk is slow, another connection holds the write
// lock) records are dropped and counted, never waited for. The destructor writes what is queued
// and stops.
//
// Crash safety: SQLite's keeps the file whole. With a journal (Options::journalFor, as the server
// uses it) a killed process loses no record it appended either: RequestJournal keeps them
// beside the project until they are committed, and the next log on the project writes them
// first. Without one, a killed process loses the batch not yet committed.
//
// Sampling is the caller's: a record carries input and output JSON only when the caller chose
// to sample that request (the server builds that JSON only then, which is the expensive part).
class RequestLog {
 public:
  using Record = RequestRecord;
  struct Options {
    std::size_t queueCapacity = 10000;
    std::size_t batchSize = 1000;
    std::chrono::milliseconds flushInterval{100};
    // The project's path, to journal every record beside it (RequestJournal); empty: none.
    std::string journalFor;
  };
  struct Counts {
    std::uint64_t appended = 0;  // accepted into the queue
    std::uint64_t written = 0;   // committed
    std::uint64_t dropped = 0;   // refused: the queue was full
    std::uint64_t failed = 0;    // queued but not written (an error; see lastError)
    std::uint64_t recovered = 0; // found in the journals of killed servers, written at start
  };

  // `db`: a connection of its own to the project (store::Project::connect()), used only by the
  // log's thread from now on. With a journal, first writes what killed servers' journals hold
  // (throws lathe::Error when the journal cannot be made).
  explicit RequestLog(store::Database db);
  RequestLog(store::Database db, Options options);
  ~RequestLog();
  RequestLog(const RequestLog&) = delete;
  RequestLog& operator=(const RequestLog&) = delete;

  // Queues `record`; false (and counted as dropped) when the queue is full. Never blocks on I/O.
  bool append(Record record) noexcept;
  // Waits until every record appended before the call is written or has failed.
  void flush();
  Counts counts() const;
  // The last write error ("" when none): what the GUI shows when records fail.
  std::string lastError() const;

  // "2026-11-28T21:40:03.125Z", as store::timestampNow() writes the current time.
  static std::string formatTime(std::chrono::system_clock::time_point at);

  // Deletes an endpoint's records older than `cutoff`, at most `limit` of them, in one short
  // transaction (the server's writer waits for it, so it stays short); returns how many went.
  // The housekeeper calls it until nothing is left, so the log keeps the retention's days only.
  static std::size_t trimOlderThan(store::Database& db, std::int64_t endpointId,
                                   std::chrono::system_clock::time_point cutoff, std::size_t limit = 10000);

 private:
  struct Queued {
    Record record;
    std::optional<RequestJournal::Position> journaled;
  };
  void recover();
  void run();
  // Writes `batch` in one transaction, with the journal's count; returns how many rows were written.
  std::size_t write(std::deque<Queued>& batch);

  store::Database db_;
  Options options_;
  mutable std::mutex mutex_;
  std::condition_variable wake_;  // the writer: records to write, a flush, or stop
  std::condition_variable done_;  // flush(): a batch is finished
  std::deque<Queued> queue_;
  std::unique_ptr<RequestJournal> journal_;  // used under mutex_
  Counts counts_;
  std::uint64_t finished_ = 0;  // appended records written or failed, in queue order
  bool flushRequested_ = false;
  bool stopping_ = false;
  std::string lastError_;
  std::thread thread_;
};

}  // namespace lathe::deploy
