// kill -9 at random moments (BAD_INPUTS cases 25 and 29): while committing runs, while storing a
// dataset-sized transaction and while migrating. A forked child does the work and reports each
// commit through a pipe; the parent kills it after 1-40 ms, then checks that the file is whole
// and holds the old state or the new one, never a mix.
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <QTemporaryDir>
#include <QtTest>
#include <chrono>
#include <random>
#include <thread>
#include <vector>

#include "StoreTestSupport.h"
#include "engine/data/Table.h"
#include "engine/store/DatasetRepository.h"
#include "engine/store/Database.h"
#include "engine/store/Migrations.h"
#include "engine/store/RunRepository.h"
#include "engine/store/Project.h"
#include "engine/store/Transaction.h"

using namespace lathe::store;

namespace {

constexpr std::size_t kDatasetRows = 1 << 17;  // 1 MiB of doubles per version
constexpr std::size_t kModelBytes = 64 << 10;
constexpr int kMigratedRows = 20000;     // the slow migration's work

constexpr Migration kSlowMigration{2, "0002_slow",
                                   "CREATE TABLE extra (x INTEGER NOT NULL);\n"
                                   "INSERT INTO extra WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c "
                                   "WHERE x < 20000) SELECT x FROM c;\n"
                                   "UPDATE run SET notes = 'migrated';\n"};

enum class Work { Runs, Dataset, Migration };

void say(int fd, const char* what, int k) {
  const std::string line = std::string(what) + " " + std::to_string(k) + "\n";
  if (::write(fd, line.data(), line.size()) < 0) ::_exit(3);
}

// One training's worth, through the repository the app uses: a run, its metrics, a curve, a tag
// and a model, in the one transaction RunRepository::add makes.
void commitRun(Database& db, int k) {
  ExperimentRun run;
  run.name = "run-" + std::to_string(k);
  run.algorithm = "forest";
  run.startedAt = "2024-05-01T10:00:00Z";
  for (const char* name : {"accuracy", "f1", "precision", "recall", "roc_auc"})
    run.metrics.push_back({"test", name, 0.01 * k});
  run.curves.push_back({"roc", "test", "", {0.0, 0.5, 1.0}, {0.0, 0.7, 1.0}, {}});
  run.tags = {"crash"};
  ModelArtifact model{"json", std::vector<std::uint8_t>(kModelBytes, static_cast<std::uint8_t>(k))};
  RunRepository(db).add(run, &model);
}

// Random doubles compress badly, so the version is megabytes and its transaction long.
std::shared_ptr<const lathe::data::Table> datasetTable() {
  std::mt19937_64 random(7);
  std::vector<double> values(kDatasetRows);
  for (double& value : values) value = static_cast<double>(random()) / 3.0;
  return std::make_shared<const lathe::data::Table>(
      std::vector<std::shared_ptr<const lathe::data::Column>>{lathe::data::Column::float64("x", std::move(values))});
}

void commitDataset(Database& db, const lathe::data::Table& table, int k) {
  DatasetRepository(db).addDataset("data-" + std::to_string(k), table, {});
}

// The child: no Qt, no exceptions out, _exit at the end.
[[noreturn]] void childWork(Work work, const std::string& path, int fd, unsigned seed) {
  try {
    if (work == Work::Migration) {
      // Format 1 as it shipped, then a slow stand-in for a format 2.
      std::vector<Migration> two(Migrations::builtIn().begin(), Migrations::builtIn().begin() + 1);
      two.push_back(kSlowMigration);
      ProjectOpenOptions options;
      options.migrations = two;
      std::mt19937 random(seed);
      options.beforeMigration = [&](const Migration& m) {
        say(fd, "begin", m.version);
        std::this_thread::sleep_for(std::chrono::microseconds(random() % 4000));
      };
      auto project = Project::open(path, options);
      say(fd, "done", 2);
      for (;;) ::pause();
    }
    auto project = Project::open(path);
    if (project->readOnly()) ::_exit(4);
    const auto table = work == Work::Dataset ? datasetTable() : nullptr;
    for (int k = 1;; ++k) {
      say(fd, "begin", k);
      if (work == Work::Runs) commitRun(project->db(), k);
      else commitDataset(project->db(), *table, k);
      say(fd, "done", k);
    }
  } catch (...) {
    ::_exit(2);
  }
}

struct Outcome {
  int lastBegin = 0;
  int lastDone = 0;
  int exitCode = -1;  // -1: killed by the signal, as intended
};

Outcome runAndKill(Work work, const std::string& path, int delayMs, unsigned seed) {
  int pipeFds[2];
  if (::pipe(pipeFds) != 0) qFatal("pipe");
  const pid_t child = ::fork();
  if (child < 0) qFatal("fork");
  if (child == 0) {
    ::close(pipeFds[0]);
    childWork(work, path, pipeFds[1], seed);
  }
  ::close(pipeFds[1]);
  std::this_thread::sleep_for(std::chrono::milliseconds(delayMs));
  ::kill(child, SIGKILL);
  int status = 0;
  ::waitpid(child, &status, 0);
  Outcome outcome;
  if (WIFEXITED(status)) outcome.exitCode = WEXITSTATUS(status);
  std::string text;
  char buffer[4096];
  for (ssize_t n; (n = ::read(pipeFds[0], buffer, sizeof buffer)) > 0;) text.append(buffer, static_cast<std::size_t>(n));
  ::close(pipeFds[0]);
  std::size_t start = 0;
  while (start < text.size()) {
    const std::size_t end = text.find('\n', start);
    if (end == std::string::npos) break;  // a half-written line: the kill came mid-write
    const std::string line = text.substr(start, end - start);
    if (line.rfind("begin ", 0) == 0) outcome.lastBegin = std::stoi(line.substr(6));
    if (line.rfind("done ", 0) == 0) outcome.lastDone = std::stoi(line.substr(5));
    start = end + 1;
  }
  return outcome;
}

std::string integrity(Database& db) {
  Statement check = db.prepare("PRAGMA integrity_check");
  return check.step() ? check.text(0) : std::string("no answer");
}

// The count after the kill is what was reported done, or one more if a commit was under way.
bool countMatches(std::int64_t count, std::int64_t base, const Outcome& outcome) {
  if (count == base + outcome.lastDone) return true;
  return outcome.lastBegin > outcome.lastDone && count == base + outcome.lastBegin;
}

}  // namespace

class tst_ProjectCrash : public QObject {
  Q_OBJECT

 private:
  std::mt19937 random_{std::random_device{}()};
  int delay() { return 1 + static_cast<int>(random_() % 40); }

 private slots:
  void initTestCase() {
    const unsigned seed = std::random_device{}();
    random_.seed(seed);
    qInfo("random seed %u", seed);
  }

  void killedWhileCommittingRuns() {
    QTemporaryDir dir;
    const std::string path = dir.filePath("runs.lathe").toStdString();
    Project::create(path, named("Runs"));
    std::int64_t base = 0;
    int sawCommitUnderWay = 0;
    for (int i = 0; i < 40; ++i) {
      const int ms = delay();
      const Outcome outcome = runAndKill(Work::Runs, path, ms, 0);
      QVERIFY2(outcome.exitCode == -1, qPrintable(QString("the child stopped by itself: %1").arg(outcome.exitCode)));
      Database db(path, {Database::Mode::ReadWrite, {}});
      QCOMPARE(integrity(db), std::string("ok"));
      const std::int64_t runs = db.queryInt("SELECT count(*) FROM run");
      QVERIFY2(countMatches(runs, base, outcome),
               qPrintable(QString("after %1 ms: %2 runs, base %3, begin %4, done %5")
                              .arg(ms).arg(runs).arg(base).arg(outcome.lastBegin).arg(outcome.lastDone)));
      // Never a run without its five metrics, its curve, its tag or its model.
      QCOMPARE(db.queryInt("SELECT count(*) FROM run_metric"), runs * 5);
      QCOMPARE(db.queryInt("SELECT count(*) FROM run r WHERE (SELECT count(*) FROM run_metric m WHERE m.run_id = r.id) != 5"),
               std::int64_t{0});
      QCOMPARE(db.queryInt("SELECT count(*) FROM run_curve"), runs);
      QCOMPARE(db.queryInt("SELECT count(*) FROM run_tag"), runs);
      QCOMPARE(db.queryInt("SELECT count(*) FROM model_artifact"), runs);
      RunRepository repository(db);
      for (std::int64_t id = base + 1; id <= runs; ++id) QCOMPARE(repository.model(id)->bytes.size(), kModelBytes);
      if (outcome.lastBegin > outcome.lastDone) ++sawCommitUnderWay;
      base = runs;
    }
    QVERIFY(base > 0);
    qInfo("killed mid-commit %d times of 40", sawCommitUnderWay);
  }

  void killedWhileStoringADataset() {
    int stored = 0;
    for (int i = 0; i < 30; ++i) {
      QTemporaryDir dir;
      const std::string path = dir.filePath("data.lathe").toStdString();
      Project::create(path, named("Data"));
      // Storing takes longer than a run: kills spread over several stores, not just the first.
      const int ms = 5 + static_cast<int>(random_() % 200);
      const Outcome outcome = runAndKill(Work::Dataset, path, ms, 0);
      QCOMPARE(outcome.exitCode, -1);
      Database db(path, {Database::Mode::ReadWrite, {}});
      QCOMPARE(integrity(db), std::string("ok"));
      const std::int64_t versions = db.queryInt("SELECT count(*) FROM dataset_version");
      QVERIFY2(countMatches(versions, 0, outcome),
               qPrintable(QString("after %1 ms: %2 versions, begin %3, done %4")
                              .arg(ms).arg(versions).arg(outcome.lastBegin).arg(outcome.lastDone)));
      QCOMPARE(db.queryInt("SELECT count(*) FROM dataset"), versions);
      // All or nothing: every stored version loads whole.
      DatasetRepository repository(db);
      for (const DatasetInfo& dataset : repository.list())
        QCOMPARE(repository.loadColumn(dataset.versions.at(0).id, 0)->size(), kDatasetRows);
      stored += versions > 0 ? 1 : 0;
    }
    qInfo("a dataset was stored before the kill in %d of 30", stored);
    QVERIFY(stored > 0);  // some kills came after a commit, so "all" was seen as well as "nothing"
  }

  void killedWhileMigrating() {
    int sawOld = 0;
    int sawNew = 0;
    for (int i = 0; i < 30; ++i) {
      QTemporaryDir dir;
      const std::string path = dir.filePath("old.lathe").toStdString();
      const std::vector<Migration> one(Migrations::builtIn().begin(), Migrations::builtIn().begin() + 1);
      {
        ProjectOpenOptions formatOne;
        formatOne.migrations = one;  // a view: `one` must outlive it
        auto project = Project::create(path, named("Old"), formatOne);
        // Format 1's own columns: today's RunRepository writes columns format 1 lacks.
        for (int k = 1; k <= 20; ++k)
          project->db().execute("INSERT INTO run (name, algorithm, started_at) VALUES ('run-" + std::to_string(k) +
                                "', 'forest', '2024-05-01T10:00:00Z')");
      }
      const int ms = delay();
      const Outcome outcome = runAndKill(Work::Migration, path, ms, static_cast<unsigned>(random_()));
      QCOMPARE(outcome.exitCode, -1);
      Database db(path, {Database::Mode::ReadWrite, {}});
      QCOMPARE(integrity(db), std::string("ok"));
      const std::int64_t version = db.queryInt("PRAGMA user_version");
      const std::int64_t hasExtra = db.queryInt("SELECT count(*) FROM sqlite_schema WHERE name = 'extra'");
      QCOMPARE(db.queryInt("SELECT count(*) FROM run"), std::int64_t{20});
      if (version == 1) {
        QCOMPARE(hasExtra, std::int64_t{0});
        QCOMPARE(db.queryInt("SELECT count(*) FROM run WHERE notes = 'migrated'"), std::int64_t{0});
        QVERIFY(outcome.lastDone < 2);
        ++sawOld;
      } else {
        QCOMPARE(version, std::int64_t{2});
        QCOMPARE(hasExtra, std::int64_t{1});
        QCOMPARE(db.queryInt("SELECT count(*) FROM extra"), std::int64_t{kMigratedRows});
        QCOMPARE(db.queryInt("SELECT count(*) FROM run WHERE notes = 'migrated'"), std::int64_t{20});
        QVERIFY(outcome.lastBegin == 2);
        ++sawNew;
      }
    }
    qInfo("old format %d times, new %d times", sawOld, sawNew);
    QVERIFY(sawOld + sawNew == 30);
  }
};

QTEST_GUILESS_MAIN(tst_ProjectCrash)
#include "tst_ProjectCrash.moc"
