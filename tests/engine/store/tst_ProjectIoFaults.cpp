// The disk and the memory failing under SQLite (BAD_INPUTS cases 26 and 27): a full disk or an
// I/O error on write or sync rolls the action back and says so; an allocation failure anywhere in
// open + write is a clean lathe::Error; afterwards the project opens whole with its old data.
#include <sqlite3.h>

#include <QTemporaryDir>
#include <QtTest>
#include <atomic>

#include "StoreTestSupport.h"
#include "FaultyVfs.h"
#include "engine/store/Database.h"
#include "engine/store/Project.h"
#include "engine/store/ProjectFileError.h"
#include "engine/store/StoreError.h"
#include "engine/store/Transaction.h"

using namespace lathe::store;

namespace {

// SQLite's allocator, wrapped: after `allocationsLeft` more allocations every one fails.
sqlite3_mem_methods defaultMemory;
std::atomic<long> allocationsLeft{-1};  // -1: never fail
std::atomic<long> failedAllocations{0};

bool allocationFails() {
  long left = allocationsLeft.load();
  while (left >= 0) {
    if (left == 0) {
      ++failedAllocations;
      return true;
    }
    if (allocationsLeft.compare_exchange_weak(left, left - 1)) return false;
  }
  return false;
}

void* failingMalloc(int size) { return allocationFails() ? nullptr : defaultMemory.xMalloc(size); }
void* failingRealloc(void* pointer, int size) {
  return allocationFails() ? nullptr : defaultMemory.xRealloc(pointer, size);
}

// One training's commit: a run and its five metrics; `notesBytes` makes it span many pages.
void commitRun(Database& db, const std::string& name, std::size_t notesBytes = 0) {
  Transaction transaction(db);
  Statement run = db.prepare(
      "INSERT INTO run(name, algorithm, started_at, notes) VALUES (?1, 'xgboost', '2024-05-01T10:00:00Z', ?2)");
  run.bind(1, name).bind(2, std::string(notesBytes, 'n')).run();
  const std::int64_t id = db.lastInsertId();
  Statement metric = db.prepare("INSERT INTO run_metric(run_id, split, name, value) VALUES (?1, 'cv', ?2, 0.75)");
  for (const char* metricName : {"accuracy", "f1", "precision", "recall", "roc_auc"}) {
    metric.bind(1, id).bind(2, metricName).run();
    metric.reset();
  }
  transaction.commit();
}

std::string integrity(const std::string& path) {
  Database db(path, {Database::Mode::ReadOnly, {}});
  Statement check = db.prepare("PRAGMA integrity_check");
  return check.step() ? check.text(0) : std::string("no answer");
}

std::int64_t countRuns(const std::string& path) {
  Database db(path, {Database::Mode::ReadOnly, {}});
  return db.queryInt("SELECT count(*) FROM run");
}

}  // namespace

class tst_ProjectIoFaults : public QObject {
  Q_OBJECT

 private slots:
  void initTestCase() {
    // The allocator can only be replaced while SQLite is shut down.
    QCOMPARE(sqlite3_shutdown(), SQLITE_OK);
    QCOMPARE(sqlite3_config(SQLITE_CONFIG_GETMALLOC, &defaultMemory), SQLITE_OK);
    sqlite3_mem_methods failing = defaultMemory;
    failing.xMalloc = failingMalloc;
    failing.xRealloc = failingRealloc;
    QCOMPARE(sqlite3_config(SQLITE_CONFIG_MALLOC, &failing), SQLITE_OK);
    QCOMPARE(sqlite3_initialize(), SQLITE_OK);
    QVERIFY(faulty::registerVfs());
  }

  void cleanup() {
    faulty::clearFaults();
    allocationsLeft = -1;
  }

  void aFailedCommitRollsBack_data() {
    QTest::addColumn<int>("fault");  // 0 write ENOSPC, 1 write EIO, 2 sync
    QTest::addColumn<qint64>("after");
    QTest::addColumn<int>("notesBytes");
    QTest::newRow("ENOSPC on the next write") << 0 << qint64{0} << 0;
    QTest::newRow("EIO on the next write") << 1 << qint64{0} << 0;
    QTest::newRow("ENOSPC half-way through 4 MiB") << 0 << qint64{2 << 20} << (4 << 20);
    QTest::newRow("EIO half-way through 4 MiB") << 1 << qint64{2 << 20} << (4 << 20);
    QTest::newRow("EIO on sync") << 2 << qint64{0} << 0;
    QTest::newRow("EIO on sync after 4 MiB") << 2 << qint64{0} << (4 << 20);
  }

  // Case 26.
  void aFailedCommitRollsBack() {
    QFETCH(int, fault);
    QFETCH(qint64, after);
    QFETCH(int, notesBytes);
    QTemporaryDir dir;
    const std::string path = dir.filePath("faults.lathe").toStdString();
    {
      auto project = Project::create(path, named("Faults"));
      for (int i = 0; i < 5; ++i) commitRun(project->db(), "kept-" + std::to_string(i));
    }
    ProjectOpenOptions options;
    options.vfs = faulty::kVfsName;
    {
      auto project = Project::open(path, options);
      QVERIFY(!project->readOnly());
      faulty::resetCounters();
      if (fault == 2) faulty::failSyncs();
      else faulty::failWritesAfter(after, fault == 0 ? faulty::WriteFault::DiskFull : faulty::WriteFault::IoError);
      bool thrown = false;
      try {
        commitRun(project->db(), "lost", static_cast<std::size_t>(notesBytes));
      } catch (const StoreError& e) {
        thrown = true;
        QCOMPARE(e.diskFull(), fault == 0);
        QCOMPARE(e.code(), lathe::ErrorCode::Io);
        QCOMPARE(e.where().file, path);
        if (fault == 0) QVERIFY2(e.message().find("disk is full") != std::string::npos, e.what());
      }
      QVERIFY(thrown);
      QVERIFY(faulty::controls().writeFailures + faulty::controls().syncFailures > 0);
      // Rolled back: no transaction left open, and the failed run is nowhere.
      QVERIFY(sqlite3_get_autocommit(project->db().handle()) != 0);
      faulty::clearFaults();
      QCOMPARE(project->db().queryInt("SELECT count(*) FROM run"), std::int64_t{5});
      QCOMPARE(project->db().queryInt("SELECT count(*) FROM run WHERE name = 'lost'"), std::int64_t{0});
      // The user can carry on once there is room again.
      commitRun(project->db(), "after");
    }
    QCOMPARE(integrity(path), std::string("ok"));
    QCOMPARE(countRuns(path), std::int64_t{6});
    auto reopened = Project::open(path);
    QVERIFY(!reopened->readOnly());
  }

  // Case 26: the disk fills while the project closes (its final checkpoint): nothing is lost.
  void aFailedCloseLosesNothing() {
    QTemporaryDir dir;
    const std::string path = dir.filePath("close.lathe").toStdString();
    Project::create(path, named("Close"));
    ProjectOpenOptions options;
    options.vfs = faulty::kVfsName;
    {
      auto project = Project::open(path, options);
      for (int i = 0; i < 20; ++i) commitRun(project->db(), "run-" + std::to_string(i), 10000);
      faulty::failWritesAfter(0, faulty::WriteFault::IoError);
    }
    faulty::clearFaults();
    QCOMPARE(integrity(path), std::string("ok"));
    QCOMPARE(countRuns(path), std::int64_t{20});
  }

  // Case 27: fail the Nth allocation for N = 0, 1, 2, ... until open + write succeeds.
  void allocationFailuresAreCleanErrors() {
    QTemporaryDir dir;
    const std::string path = dir.filePath("memory.lathe").toStdString();
    {
      auto project = Project::create(path, named("Memory"));
      commitRun(project->db(), "first");
    }
    std::int64_t committed = 1;
    int failures = 0;
    bool succeeded = false;
    for (long n = 0; !succeeded && n < 200000; n += (n < 3000 ? 1 : n / 20)) {
      failedAllocations = 0;
      allocationsLeft = n;
      try {
        auto project = Project::open(path);
        commitRun(project->db(), "run-" + std::to_string(n));
        succeeded = failedAllocations == 0;
        ++committed;
      } catch (const StoreError& e) {
        QVERIFY2(e.primaryCode() == SQLITE_NOMEM, qPrintable(QString("N=%1: %2").arg(n).arg(e.what())));
        ++failures;
      } catch (const ProjectFileError& e) {
        QVERIFY2(e.problem() == ProjectProblem::WriteFailed || e.message().find("memory") != std::string::npos,
                 qPrintable(QString("N=%1: %2").arg(n).arg(e.what())));
        ++failures;
      }
      allocationsLeft = -1;
      // Whatever failed, the file is whole and holds exactly the commits that succeeded.
      if (n % 25 == 0 || succeeded) {
        QCOMPARE(integrity(path), std::string("ok"));
        QCOMPARE(countRuns(path), committed);
      }
    }
    QVERIFY(succeeded);
    QVERIFY(failures > 100);
    auto project = Project::open(path);
    QVERIFY(!project->readOnly());
  }
};

QTEST_GUILESS_MAIN(tst_ProjectIoFaults)
#include "tst_ProjectIoFaults.moc"
