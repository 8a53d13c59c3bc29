// Two Lathes on one project (BAD_INPUTS case 31), and a job writing while the window reads: the
// second opener is told, nothing corrupts, a reader never waits for a writer, and a killed
// process never leaves the project locked.
#include <signal.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>
#include <atomic>
#include <chrono>
#include <thread>

#include "StoreTestSupport.h"
#include "engine/store/Database.h"
#include "engine/store/Project.h"
#include "engine/store/ProjectFileError.h"
#include "engine/store/Transaction.h"

using namespace lathe::store;
using Clock = std::chrono::steady_clock;

namespace {

void addRun(Database& db, const std::string& name) {
  Statement run = db.prepare("INSERT INTO run(name, algorithm, started_at) VALUES (?1, 'knn', '2024-05-01T10:00:00Z')");
  run.bind(1, name).run();
}

std::int64_t countRuns(Database& db) { return db.queryInt("SELECT count(*) FROM run"); }

std::string integrity(const std::string& path) {
  Database db(path, {Database::Mode::ReadOnly, {}});
  Statement check = db.prepare("PRAGMA integrity_check");
  return check.step() ? check.text(0) : std::string("no answer");
}

ProjectProblem strictOpenProblem(const std::string& path) {
  ProjectOpenOptions strict;
  strict.readOnlyWhenInUse = false;
  try {
    Project::open(path, strict);
  } catch (const ProjectFileError& e) {
    return e.problem();
  }
  return ProjectProblem::Missing;  // opened: no test here expects Missing
}

// Another program (Python's sqlite3, in its own process) tries to take the file for itself by
// switching it out of WAL mode, which needs every other connection gone. Returns its answer.
QString foreignTakeover(const std::string& path) {
  QProcess python;
  python.start("/usr/bin/python3",
               {"-c",
                "import sqlite3, sys\n"
                "c = sqlite3.connect(sys.argv[1], timeout=0)\n"
                "try:\n"
                "    print(c.execute('PRAGMA journal_mode=DELETE').fetchone()[0])\n"
                "except sqlite3.OperationalError as e:\n"
                "    print('refused:', e)\n",
                QString::fromStdString(path)});
  if (!python.waitForFinished(20000)) return "timeout";
  return QString::fromUtf8(python.readAllStandardOutput()).trimmed();
}

// Reads one line from a pipe; "" on end of file.
std::string readLine(int fd) {
  std::string line;
  char c;
  while (::read(fd, &c, 1) == 1 && c != '\n') line += c;
  return line;
}

}  // namespace

class tst_ProjectConcurrency : public QObject {
  Q_OBJECT

 private slots:
  void aSecondOpenInTheSameProcessIsReadOnly() {
    QTemporaryDir dir;
    const std::string path = dir.filePath("shared.lathe").toStdString();
    auto first = Project::create(path, named("Shared"));
    addRun(first->db(), "before");
    {
      auto second = Project::open(path);
      QCOMPARE(second->readOnlyReason(), ReadOnlyReason::InUse);
      QVERIFY_THROWS_EXCEPTION(ProjectFileError, second->requireWritable());
      QCOMPARE(countRuns(second->db()), std::int64_t{1});
      QCOMPARE(strictOpenProblem(path), ProjectProblem::InUse);
      // Being told "in use" must not cost the first its SQLite locks: another program still
      // cannot pull the WAL out from under it.
      const QString takeover = foreignTakeover(path);
      QVERIFY2(takeover.startsWith("refused"), qPrintable(takeover));
      addRun(first->db(), "while shared");
      QCOMPARE(countRuns(second->db()), std::int64_t{2});
    }
    const QString takeover = foreignTakeover(path);
    QVERIFY2(takeover.startsWith("refused"), qPrintable(takeover));
    addRun(first->db(), "after");
    first.reset();
    QCOMPARE(integrity(path), std::string("ok"));
    auto again = Project::open(path);
    QVERIFY(!again->readOnly());
    QCOMPARE(countRuns(again->db()), std::int64_t{3});
  }

  // A child process opens and writes; this one is told it is in use; kill -9 frees the project.
  void anotherProcessHoldsItUntilKilled() {
    QTemporaryDir dir;
    const std::string path = dir.filePath("child.lathe").toStdString();
    Project::create(path, named("Child"));
    int toParent[2];
    QCOMPARE(::pipe(toParent), 0);
    const pid_t child = ::fork();
    QVERIFY(child >= 0);
    if (child == 0) {
      // No Qt here: open, write, say so, then wait to be killed.
      ::close(toParent[0]);
      try {
        auto project = Project::open(path);
        Transaction transaction(project->db());
        addRun(project->db(), "child");
        transaction.commit();
        const char* state = project->readOnly() ? "readonly\n" : "writable\n";
        if (::write(toParent[1], state, std::strlen(state)) < 0) ::_exit(3);
        for (;;) ::pause();
      } catch (...) {
        ::_exit(2);
      }
    }
    ::close(toParent[1]);
    QCOMPARE(readLine(toParent[0]), std::string("writable"));
    {
      auto second = Project::open(path);
      QCOMPARE(second->readOnlyReason(), ReadOnlyReason::InUse);
      QCOMPARE(countRuns(second->db()), std::int64_t{1});
      QCOMPARE(strictOpenProblem(path), ProjectProblem::InUse);
    }
    QCOMPARE(::kill(child, SIGKILL), 0);
    int status = 0;
    QCOMPARE(::waitpid(child, &status, 0), child);
    QVERIFY(WIFSIGNALED(status));
    ::close(toParent[0]);
    // Right after the kill: writable, whole, with the child's committed run.
    auto project = Project::open(path);
    QVERIFY(!project->readOnly());
    QCOMPARE(countRuns(project->db()), std::int64_t{1});
    addRun(project->db(), "parent");
    project.reset();
    QCOMPARE(integrity(path), std::string("ok"));
  }

  // A job writing on its own connection, holding its transaction for ~500 ms, never makes the
  // window's reads wait; they see the last committed state until the job commits.
  void aWriterNeverBlocksAReader() {
    QTemporaryDir dir;
    const std::string path = dir.filePath("busy.lathe").toStdString();
    auto project = Project::create(path, named("Busy"));
    for (int i = 0; i < 10; ++i) addRun(project->db(), "old");

    std::atomic<bool> writing{false};
    std::atomic<bool> committed{false};
    std::atomic<bool> failed{false};
    std::jthread writer([&] {
      try {
        Database job = project->connect();
        Transaction transaction(job);
        writing = true;
        const auto start = Clock::now();
        for (int i = 0; Clock::now() - start < std::chrono::milliseconds(500); ++i) {
          addRun(job, "new-" + std::to_string(i));
          std::this_thread::sleep_for(std::chrono::milliseconds(5));
        }
        transaction.commit();
        committed = true;
      } catch (...) {
        failed = true;
        writing = true;
      }
    });
    while (!writing) std::this_thread::sleep_for(std::chrono::milliseconds(1));
    int readsDuringWrite = 0;
    auto slowest = Clock::duration::zero();
    while (!committed && !failed) {
      const bool committedBefore = committed;
      const auto start = Clock::now();
      const std::int64_t runs = countRuns(project->db());
      slowest = std::max(slowest, Clock::now() - start);
      if (!committedBefore && !committed) {
        QCOMPARE(runs, std::int64_t{10});
        ++readsDuringWrite;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
    writer.join();
    QVERIFY(!failed);
    QVERIFY2(readsDuringWrite > 20, qPrintable(QString::number(readsDuringWrite)));
    QVERIFY2(slowest < std::chrono::seconds(1), "a read waited for the writer");
    QVERIFY(countRuns(project->db()) > 10);
  }
};

QTEST_GUILESS_MAIN(tst_ProjectConcurrency)
#include "tst_ProjectConcurrency.moc"
