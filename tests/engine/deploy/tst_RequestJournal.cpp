// The request log's journal (issue 10, items 6 and 9): a server killed with answered requests not
// yet committed loses none of them; the next log on the project writes them, once each, even
// when part of the journal was committed before the kill and its files had turned over twice
// (a generation whose count in request_journal belongs to the file's earlier content). A living
// server's journal is never taken, and a clean stop leaves nothing beside the project.
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <QDir>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QtTest>

#include "engine/deploy/RequestJournal.h"
#include "../EndpointProject.h"
#include "engine/deploy/RequestLog.h"
#include "engine/store/Project.h"

using namespace lathe;
using deploy::RequestJournal;
using deploy::RequestLog;

namespace {

// Record `i`: its "rows" column is i + 1, so that the rows written can be checked one by one.
RequestLog::Record record(std::int64_t endpoint, int i) {
  RequestLog::Record r;
  r.endpointId = endpoint;
  r.variant = i % 2 ? "canary" : "stable";
  r.at = std::chrono::system_clock::now();
  r.status = 200;
  r.latencyMs = 0.25 * (i % 9);
  r.rows = i + 1;
  if (i % 3 == 0) {  // sampled, with ~500 bytes of input: 40,000 records turn the files over twice
    r.input = "[{\"x\": " + std::to_string(i) + ", \"note\": \"" + std::string(470, 'n') + "\"}]";
    r.output = R"([{"key": null, "label": "a", "p": 0.75}])";
  }
  return r;
}

RequestLog::Options journaled(const std::string& project, std::size_t batch = 500,
                              std::chrono::milliseconds interval = std::chrono::milliseconds(20)) {
  RequestLog::Options options;
  options.queueCapacity = 100000;
  options.batchSize = batch;
  options.flushInterval = interval;
  options.journalFor = project;
  return options;
}

}  // namespace

class tst_RequestJournal : public QObject {
  Q_OBJECT
 private slots:
  void init() {
    dir_ = std::make_unique<QTemporaryDir>();
    path_ = dir_->filePath("log.lathe").toStdString();
    endpoint_ = enginetest::createProjectWithEndpoint(path_);
  }

  // First: fork() is safest before any thread of this process has run.
  void aKilledServersAnsweredRequestsAreWrittenWhenItStartsAgain() {
    int progress[2];
    QVERIFY(::pipe(progress) == 0);
    const pid_t child = ::fork();
    QVERIFY(child >= 0);
    if (child == 0) {  // the server: 30,000 records committed, 10,000 more only appended, then killed
      ::close(progress[0]);
      try {
        auto project = store::Project::open(path_);
        RequestLog log(project->connect(), journaled(path_, 100000, std::chrono::hours(1)));
        // ~4.2 MB a file: records 0..~18,000 fill .0, ~18,000..~36,000 fill .1 (both committed
        // in part), and the rest go to .0 again, emptied for a second generation.
        for (int i = 0; i < 40000; ++i) {
          log.append(record(endpoint_, i));
          if (i == 11999 || i == 29999) log.flush();
        }
        const std::int64_t appended = static_cast<std::int64_t>(log.counts().appended);
        if (::write(progress[1], &appended, sizeof appended) != sizeof appended) ::_exit(2);
        for (;;) ::pause();
      } catch (...) {
        ::_exit(3);
      }
    }
    ::close(progress[1]);
    std::int64_t appended = 0;
    QVERIFY(::read(progress[0], &appended, sizeof appended) == sizeof appended);
    ::close(progress[0]);
    QCOMPARE(appended, std::int64_t(40000));
    ::kill(child, SIGKILL);
    int status = 0;
    ::waitpid(child, &status, 0);
    QVERIFY(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL);

    auto project = store::Project::open(path_);
    store::Database& db = project->db();
    QCOMPARE(db.queryInt("SELECT count(*) FROM request_log"), std::int64_t(30000));  // what it had committed
    const QStringList left = journalFiles();  // and its journal, left behind, both files in use
    QCOMPARE(left.size(), 2);
    for (const QString& name : left) QVERIFY(QFileInfo(QDir(dir_->path()).filePath(name)).size() > 500000);
    {
      RequestLog log(project->connect(), journaled(path_));
      QCOMPARE(log.counts().recovered, std::uint64_t(10000));
      QCOMPARE(log.lastError(), std::string());
      // Recovered before the log takes anything new.
      QCOMPARE(db.queryInt("SELECT count(*) FROM request_log"), std::int64_t(40000));
      QCOMPARE(journalFiles().size(), 2);  // this log's own
      log.append(record(endpoint_, 40000));
    }
    // Every record once: rows 1..40,001, none twice, and whole (the sampled ones with their input).
    QCOMPARE(db.queryInt("SELECT count(*) FROM request_log"), std::int64_t(40001));
    QCOMPARE(db.queryInt("SELECT count(DISTINCT \"rows\") FROM request_log"), std::int64_t(40001));
    QCOMPARE(db.queryInt("SELECT min(\"rows\") FROM request_log"), std::int64_t(1));
    QCOMPARE(db.queryInt("SELECT max(\"rows\") FROM request_log"), std::int64_t(40001));
    QCOMPARE(db.queryInt("SELECT count(*) FROM request_log WHERE input IS NOT NULL"), std::int64_t(13334));
    QCOMPARE(db.queryInt("SELECT count(*) FROM request_log WHERE (\"rows\" - 1) % 3 = 0 AND length(input) > 460 "
                         "AND output LIKE '%0.75%'"),
             std::int64_t(13334));
    auto last = db.prepare("SELECT variant, latency_ms, at FROM request_log WHERE \"rows\" = 39999");
    QVERIFY(last.step());
    QCOMPARE(last.text(0), std::string("stable"));  // record 39998
    QVERIFY(last.real(1) == 0.25 * (39998 % 9));
    QCOMPARE(last.text(2).size(), std::size_t(24));
    // A clean stop leaves nothing beside the project, nor in request_journal.
    QVERIFY(journalFiles().isEmpty());
    QCOMPARE(db.queryInt("SELECT count(*) FROM request_journal"), std::int64_t(0));
  }

  void aLivingServersJournalIsLeftAlone() {
    auto project = store::Project::open(path_);
    store::Database& db = project->db();
    RequestLog first(project->connect(), journaled(path_, 100000, std::chrono::hours(1)));
    for (int i = 0; i < 10; ++i) first.append(record(endpoint_, i));
    {
      RequestLog second(project->connect(), journaled(path_));
      QCOMPARE(second.counts().recovered, std::uint64_t(0));
      QCOMPARE(journalFiles().size(), 4);
    }
    QCOMPARE(db.queryInt("SELECT count(*) FROM request_log"), std::int64_t(0));
    first.flush();
    QCOMPARE(db.queryInt("SELECT count(*) FROM request_log"), std::int64_t(10));
  }

  // A journal cut short (the write a kill interrupted) gives back its whole records only.
  void aTornRecordEndsTheJournal() {
    {
      auto project = store::Project::open(path_);
      const pid_t child = ::fork();
      QVERIFY(child >= 0);
      if (child == 0) {
        RequestLog log(project->connect(), journaled(path_, 100000, std::chrono::hours(1)));
        for (int i = 0; i < 5; ++i) log.append(record(endpoint_, i));
        ::_exit(0);  // no destructor: as a kill
      }
      int status = 0;
      ::waitpid(child, &status, 0);
      QVERIFY(WIFEXITED(status) && WEXITSTATUS(status) == 0);
    }
    const QStringList files = journalFiles();
    QCOMPARE(files.size(), 2);
    for (const QString& name : files) {
      QFile file(QDir(dir_->path()).filePath(name));
      if (file.size() > 100) QVERIFY(file.resize(file.size() - 3));  // the fifth record, torn
    }
    auto project = store::Project::open(path_);
    RequestLog log(project->connect(), journaled(path_));
    QCOMPARE(log.counts().recovered, std::uint64_t(4));
    QCOMPARE(project->db().queryInt("SELECT max(\"rows\") FROM request_log"), std::int64_t(4));
  }

 private:
  QStringList journalFiles() const { return QDir(dir_->path()).entryList({"log.lathe-requests-*"}, QDir::Files); }

  std::unique_ptr<QTemporaryDir> dir_;
  std::string path_;
  std::int64_t endpoint_ = 0;
};

QTEST_APPLESS_MAIN(tst_RequestJournal)
#include "tst_RequestJournal.moc"
