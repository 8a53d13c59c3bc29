#include "engine/deploy/RequestLog.h"

#include <sqlite3.h>

#include <cstdio>
#include <ctime>
#include <vector>

#include "engine/store/Statement.h"
#include "engine/store/StoreError.h"
#include "engine/store/Timestamp.h"
#include "engine/store/Transaction.h"

namespace lathe::deploy {

RequestLog::RequestLog(store::Database db) : RequestLog(std::move(db), Options{}) {}

RequestLog::RequestLog(store::Database db, Options options) : db_(std::move(db)), options_(std::move(options)) {
  if (options_.queueCapacity == 0) options_.queueCapacity = 1;
  if (options_.batchSize == 0) options_.batchSize = 1;
  if (!options_.journalFor.empty()) {
    recover();
    journal_ = std::make_unique<RequestJournal>(options_.journalFor);
  }
  thread_ = std::thread([this] { run(); });
}

RequestLog::~RequestLog() {
  {
    const std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  thread_.join();
  if (!journal_) return;
  // Everything is written (or failed): the journal's files go, then their rows.
  const std::string names[] = {journal_->name(0), journal_->name(1)};
  journal_.reset();
  try {
    for (const auto& name : names) RequestJournal::forgetCount(db_, name);
  } catch (const std::exception&) {  // a row left behind names no file: harmless
  }
}

void RequestLog::recover() {
  std::vector<RequestJournal::Leftover> leftovers;
  try {
    leftovers = RequestJournal::leftovers(options_.journalFor, db_);
  } catch (const std::exception& e) {  // left for the next start; the server serves anyway
    lastError_ = std::string("request journals: ") + e.what();
  }
  for (auto& leftover : leftovers) {
    try {
      if (!leftover.missing.empty()) {
        // One transaction: the records, and the journal's count saying they are in.
        store::Transaction transaction(db_);
        std::deque<Queued> batch;
        for (auto& record : leftover.missing) batch.push_back({std::move(record), std::nullopt});
        write(batch);
        RequestJournal::markCommitted(db_, leftover.name, {0, leftover.generation, leftover.records - 1});
        transaction.commit();
        counts_.recovered += leftover.missing.size();
      }
      RequestJournal::forget(leftover, db_);
    } catch (const std::exception& e) {  // left for the next start; the server serves anyway
      lastError_ = std::string("request journal ") + leftover.name + ": " + e.what();
    }
  }
}

bool RequestLog::append(Record record) noexcept {
  bool wakeWriter = false;
  {
    const std::lock_guard lock(mutex_);
    if (stopping_ || queue_.size() >= options_.queueCapacity) {
      ++counts_.dropped;
      return false;
    }
    // Journaled before it is queued, so that it outlives the process from now on.
    std::optional<RequestJournal::Position> journaled;
    try {
      if (journal_) {
        journaled = journal_->append(record);
        if (!journaled) lastError_ = "request journal: a write failed (is the disk full?); records are kept in memory only";
      }
      queue_.push_back({std::move(record), journaled});
    } catch (...) {  // out of memory: a record lost is better than a server down
      if (journaled) journal_->done(*journaled);
      ++counts_.dropped;
      return false;
    }
    ++counts_.appended;
    wakeWriter = queue_.size() >= options_.batchSize;
  }
  if (wakeWriter) wake_.notify_one();
  return true;
}

void RequestLog::flush() {
  std::unique_lock lock(mutex_);
  const std::uint64_t target = counts_.appended;
  flushRequested_ = true;
  wake_.notify_one();
  done_.wait(lock, [&] { return finished_ >= target; });
}

RequestLog::Counts RequestLog::counts() const {
  const std::lock_guard lock(mutex_);
  return counts_;
}

std::string RequestLog::lastError() const {
  const std::lock_guard lock(mutex_);
  return lastError_;
}

std::string RequestLog::formatTime(std::chrono::system_clock::time_point at) { return store::formatTimestamp(at); }

std::size_t RequestLog::trimOlderThan(store::Database& db, std::int64_t endpointId,
                                      std::chrono::system_clock::time_point cutoff, std::size_t limit) {
  store::Transaction transaction(db);
  store::Statement remove = db.prepare(
      "DELETE FROM request_log WHERE id IN (SELECT id FROM request_log WHERE endpoint_id = ?1 AND at < ?2 "
      "ORDER BY endpoint_id, at LIMIT ?3)");
  remove.bind(1, endpointId).bind(2, store::formatTimestamp(cutoff)).bind(3, static_cast<std::int64_t>(limit)).run();
  const auto removed = static_cast<std::size_t>(db.changes());
  transaction.commit();
  return removed;
}

void RequestLog::run() {
  std::unique_lock lock(mutex_);
  for (;;) {
    wake_.wait_for(lock, options_.flushInterval,
                   [&] { return stopping_ || flushRequested_ || queue_.size() >= options_.batchSize; });
    if (queue_.empty()) {
      flushRequested_ = false;
      done_.notify_all();
      if (stopping_) return;
      continue;
    }
    // Take one batch and write it unlocked, so append() never waits for the disk.
    std::deque<Queued> batch;
    const std::size_t n = std::min(queue_.size(), options_.batchSize);
    for (std::size_t i = 0; i < n; ++i) {
      batch.push_back(std::move(queue_.front()));
      queue_.pop_front();
    }
    if (queue_.empty()) flushRequested_ = false;
    lock.unlock();
    std::string error;
    std::size_t written = 0;
    try {
      written = write(batch);
    } catch (const std::exception& e) {
      error = e.what();
    }
    lock.lock();
    counts_.written += written;
    counts_.failed += n - written;
    if (journal_)
      for (const Queued& q : batch)
        if (q.journaled) journal_->done(*q.journaled);
    if (!error.empty()) lastError_ = error;
    finished_ += n;
    done_.notify_all();
  }
}

std::size_t RequestLog::write(std::deque<Queued>& batch) {
  store::Transaction transaction(db_);
  store::Statement insert = db_.prepare(
      "INSERT INTO request_log (endpoint_id, variant, at, status, latency_ms, \"rows\", input, output) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
  std::size_t written = 0;
  std::string skipped;
  std::optional<RequestJournal::Position> last[2];  // per journal file, its last record here
  for (const Queued& q : batch) {
    const Record& r = q.record;
    if (q.journaled) last[q.journaled->file] = q.journaled;
    insert.bind(1, r.endpointId).bind(2, r.variant).bind(3, formatTime(r.at)).bind(4, r.status);
    insert.bind(5, r.latencyMs).bind(6, r.rows);
    if (r.input) insert.bind(7, *r.input);
    else insert.bindNull(7);
    if (r.output) insert.bind(8, *r.output);
    else insert.bindNull(8);
    try {
      insert.run();
      ++written;
    } catch (const store::StoreError& e) {
      // A record the schema refuses (an endpoint id that is not in the project) is skipped and
      // the batch goes on: SQLite undoes only that statement. Anything else (a full disk, I/O)
      // fails the whole batch, which the transaction then rolls back.
      if (e.primaryCode() != SQLITE_CONSTRAINT) throw;
      skipped = e.what();
    }
    insert.reset();
  }
  // The journal's names are read unlocked: they never change while the log lives.
  for (int f = 0; f < 2; ++f)
    if (last[f]) RequestJournal::markCommitted(db_, journal_->name(f), *last[f]);
  transaction.commit();
  if (!skipped.empty()) {
    const std::lock_guard lock(mutex_);
    lastError_ = skipped;
  }
  return written;
}

}  // namespace lathe::deploy
