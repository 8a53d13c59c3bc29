// The request log (issue 10, item 6): records written in batches by a thread of the log's own,
// read back from the project; a full queue drops and counts without blocking the caller; the
// destructor writes what is queued; a record the schema refuses does not sink its batch; and a
// process killed mid-write (SIGKILL, from a forked child) leaves a project that opens and passes
// integrity_check with every batch it had committed.
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <QTemporaryDir>
#include <QtTest>

#include <chrono>
#include <thread>

#include "../EndpointProject.h"
#include "engine/deploy/RequestLog.h"
#include "engine/store/Project.h"

using namespace lathe;
using deploy::RequestLog;
using Clock = std::chrono::steady_clock;

namespace {

RequestLog::Record record(std::int64_t endpoint, int i, bool sampled = false) {
  RequestLog::Record r;
  r.endpointId = endpoint;
  r.variant = i % 2 ? "canary" : "stable";
  r.at = std::chrono::system_clock::now();
  r.status = i % 10 == 0 ? 422 : 200;
  r.latencyMs = 0.5 + i % 7;
  r.rows = 1 + i % 3;
  if (sampled) {
    r.input = R"([{"x": )" + std::to_string(i) + "}]";
    r.output = R"([{"key": null, "label": "a", "p": 0.75}])";
  }
  return r;
}

std::int64_t count(store::Database& db, const std::string& where = "1") {
  return db.queryInt("SELECT count(*) FROM request_log WHERE " + where);
}

}  // namespace

class tst_RequestLog : public QObject {
  Q_OBJECT
 private slots:
  void init() {
    dir_ = std::make_unique<QTemporaryDir>();
    path_ = dir_->filePath("log.lathe").toStdString();
    endpoint_ = enginetest::createProjectWithEndpoint(path_);
  }

  // First: fork() is safest before any thread of this process has run.
  void aKilledWriterNeverCorruptsTheProject() {
    int progress[2];
    QVERIFY(::pipe(progress) == 0);
    const pid_t child = ::fork();
    QVERIFY(child >= 0);
    if (child == 0) {  // the writer: appends and commits until it is killed
      ::close(progress[0]);
      try {
        auto project = store::Project::open(path_);
        RequestLog log(project->connect(), {100000, 500, std::chrono::milliseconds(5), {}});
        for (int i = 0;; ++i) {
          log.append(record(endpoint_, i, i % 3 == 0));
          if (i % 2000 == 1999) {
            log.flush();
            const std::int64_t written = static_cast<std::int64_t>(log.counts().written);
            if (::write(progress[1], &written, sizeof written) != sizeof written) ::_exit(2);
          }
        }
      } catch (...) {
        ::_exit(3);
      }
    }
    ::close(progress[1]);
    // Let it commit a few batches and be in the middle of more, then kill it outright.
    std::int64_t committed = 0;
    for (int reports = 0; reports < 5; ++reports)
      QVERIFY(::read(progress[0], &committed, sizeof committed) == sizeof committed);
    std::this_thread::sleep_for(std::chrono::milliseconds(7));
    ::kill(child, SIGKILL);
    int status = 0;
    ::waitpid(child, &status, 0);
    ::close(progress[0]);
    QVERIFY(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL);

    auto project = store::Project::open(path_);  // checks the header and quick_check
    QVERIFY(!project->readOnly());
    {
      auto check = project->db().prepare("PRAGMA integrity_check");
      QVERIFY(check.step());
      QCOMPARE(check.text(0), std::string("ok"));
    }  // finalised: an open statement would hold its read snapshot
    const std::int64_t rows = count(project->db());
    QVERIFY2(rows >= committed, (std::to_string(rows) + " < " + std::to_string(committed)).c_str());
    QVERIFY(rows >= 10000);
    // Every row is whole: a killed batch is rolled back entirely, never half-written.
    QCOMPARE(count(project->db(), "variant IN ('stable', 'canary') AND status IN (200, 422) AND \"rows\" BETWEEN 1 AND 3"), rows);
    // And the project goes on taking records.
    {
      RequestLog log(project->connect());
      QVERIFY(log.append(record(endpoint_, 1)));
    }
    QCOMPARE(count(project->db()), rows + 1);
  }

  void recordsCanBeReadBack() {
    auto project = store::Project::open(path_);
    const auto before = std::chrono::system_clock::now();
    {
      RequestLog log(project->connect());
      for (int i = 0; i < 2500; ++i) QVERIFY(log.append(record(endpoint_, i, i < 10)));
      log.flush();
      const auto counts = log.counts();
      QCOMPARE(counts.appended, std::uint64_t(2500));
      QCOMPARE(counts.written, std::uint64_t(2500));
      QCOMPARE(counts.dropped + counts.failed, std::uint64_t(0));
      QCOMPARE(log.lastError(), std::string());
    }
    store::Database& db = project->db();
    QCOMPARE(count(db), std::int64_t(2500));
    QCOMPARE(count(db, "input IS NOT NULL AND output IS NOT NULL"), std::int64_t(10));  // only the sampled ones
    QCOMPARE(count(db, "status = 422"), std::int64_t(250));
    auto row = db.prepare(
        "SELECT endpoint_id, variant, at, status, latency_ms, \"rows\", input, output FROM request_log ORDER BY id LIMIT 1");
    QVERIFY(row.step());
    QCOMPARE(row.int64(0), endpoint_);
    QCOMPARE(row.text(1), std::string("stable"));
    const std::string at = row.text(2);
    QCOMPARE(at.size(), std::size_t(24));  // 2026-11-28T21:40:03.125Z, as store::timestampNow()
    QVERIFY(at.back() == 'Z' && at[10] == 'T');
    QVERIFY(at >= RequestLog::formatTime(before - std::chrono::seconds(1)));
    QCOMPARE(row.int64(3), std::int64_t(422));
    QCOMPARE(row.real(4), 0.5);
    QCOMPARE(row.int64(5), std::int64_t(1));
    QCOMPARE(row.text(6), std::string(R"([{"x": 0}])"));
    QVERIFY(row.text(7).find("\"p\": 0.75") != std::string::npos);
  }

  void recordsAreWrittenWithoutAFlush() {
    auto project = store::Project::open(path_);
    RequestLog log(project->connect());
    log.append(record(endpoint_, 1));
    QTRY_COMPARE_WITH_TIMEOUT(log.counts().written, std::uint64_t(1), 2000);  // the ~100 ms timer
  }

  void aFullQueueDropsAndCountsWithoutBlocking() {
    auto project = store::Project::open(path_);
    // Another connection holds the write lock, so the log's writer waits on it (busy timeout).
    project->db().execute("BEGIN IMMEDIATE");
    RequestLog log(project->connect(), {1000, 100, std::chrono::milliseconds(10), {}});
    const auto start = Clock::now();
    int accepted = 0;
    for (int i = 0; i < 20000; ++i) accepted += log.append(record(endpoint_, i)) ? 1 : 0;
    const double seconds = std::chrono::duration<double>(Clock::now() - start).count();
    QVERIFY2(seconds < 0.5, std::to_string(seconds).c_str());  // never waited for the disk
    const auto counts = log.counts();
    QCOMPARE(counts.appended, std::uint64_t(accepted));
    QCOMPARE(counts.appended + counts.dropped, std::uint64_t(20000));
    QVERIFY(counts.dropped >= 18000);
    project->db().execute("COMMIT");
    log.flush();
    QCOMPARE(log.counts().written, std::uint64_t(accepted));
    QCOMPARE(count(project->db()), std::int64_t(accepted));
  }

  void theDestructorWritesWhatIsQueued() {
    auto project = store::Project::open(path_);
    {
      RequestLog log(project->connect(), {100000, 1000, std::chrono::milliseconds(1000), {}});
      for (int i = 0; i < 3000; ++i) log.append(record(endpoint_, i));
    }
    QCOMPARE(count(project->db()), std::int64_t(3000));
  }

  void aRefusedRecordDoesNotSinkItsBatch() {
    auto project = store::Project::open(path_);
    RequestLog log(project->connect());
    log.append(record(endpoint_, 1));
    log.append(record(endpoint_ + 99, 2));  // no such endpoint: the foreign key refuses it
    log.append(record(endpoint_, 3));
    log.flush();
    QCOMPARE(log.counts().written, std::uint64_t(2));
    QCOMPARE(log.counts().failed, std::uint64_t(1));
    QVERIFY2(log.lastError().find("FOREIGN KEY") != std::string::npos, log.lastError().c_str());
    QCOMPARE(count(project->db()), std::int64_t(2));
  }

 private:
  std::unique_ptr<QTemporaryDir> dir_;
  std::string path_;
  std::int64_t endpoint_ = 0;
};

QTEST_APPLESS_MAIN(tst_RequestLog)
#include "tst_RequestLog.moc"
