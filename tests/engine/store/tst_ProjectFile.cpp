// Opening project files that are not what they should be (BAD_INPUTS cases 28, 29, 30, 32):
// not a project at all, a newer or older format, damaged or planted with a malicious schema,
// read-only. Each is refused or opened read-only with its own problem and message, and nothing
// the user had is changed.
#include <sqlite3.h>
#include <sys/stat.h>

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>
#include <random>
#include <set>
#include <vector>

#include "StoreTestSupport.h"
#include "engine/store/Database.h"
#include "engine/store/Migrations.h"
#include "engine/store/Project.h"
#include "engine/store/ProjectFileError.h"
#include "engine/store/ProjectFormat.h"
#include "engine/store/StoreError.h"
#include "engine/store/Transaction.h"

using namespace lathe::store;

namespace {

// One run with five metrics per call, in one transaction: what a training commits.
void addRuns(Database& db, int count, const std::string& prefix = "run") {
  Transaction transaction(db);
  Statement run = db.prepare("INSERT INTO run(name, algorithm, started_at) VALUES (?1, 'tree', '2024-05-01T10:00:00Z')");
  Statement metric = db.prepare("INSERT INTO run_metric(run_id, split, name, value) VALUES (?1, 'test', ?2, ?3)");
  for (int i = 0; i < count; ++i) {
    run.bind(1, prefix + "-" + std::to_string(i)).run();
    run.reset();
    const std::int64_t id = db.lastInsertId();
    for (const char* name : {"accuracy", "f1", "precision", "recall", "roc_auc"}) {
      metric.bind(1, id).bind(2, name).bind(3, 0.5 + 0.001 * i).run();
      metric.reset();
    }
  }
  transaction.commit();
}

std::int64_t countRuns(Database& db) { return db.queryInt("SELECT count(*) FROM run"); }

QByteArray fileHash(const std::string& path) {
  QFile file(QString::fromStdString(path));
  if (!file.open(QIODevice::ReadOnly)) return {};
  return QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256);
}

QStringList folderEntries(const QString& folder) {
  return QDir(folder).entryList(QDir::Files | QDir::Hidden | QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
}

// Opens `path` expecting a ProjectFileError; returns it (or fails the test through `ok`).
struct OpenFailure {
  bool thrown = false;
  ProjectProblem problem = ProjectProblem::Missing;
  std::string message;
  std::string file;
};

OpenFailure openFailure(const std::string& path, const ProjectOpenOptions& options = {}) {
  OpenFailure failure;
  try {
    Project::open(path, options);
  } catch (const ProjectFileError& e) {
    failure.thrown = true;
    failure.problem = e.problem();
    failure.message = e.message();
    failure.file = e.where().file;
  }
  return failure;
}

void writeBytes(const std::string& path, const QByteArray& bytes) {
  QFile file(QString::fromStdString(path));
  if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size()) qFatal("cannot write %s", path.c_str());
}

// Overwrites `count` bytes at `offset` with 0xFF, in place.
void scribble(const std::string& path, qint64 offset, int count) {
  QFile file(QString::fromStdString(path));
  if (!file.open(QIODevice::ReadWrite) || !file.seek(offset) || file.write(QByteArray(count, '\xff')) != count)
    qFatal("cannot damage %s", path.c_str());
}

// A plain SQLite file made with SQLite itself, not through Lathe's store.
void makePlainSqlite(const std::string& path, const char* sql) {
  sqlite3* db = nullptr;
  QCOMPARE(sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr), SQLITE_OK);
  QCOMPARE(sqlite3_exec(db, sql, nullptr, nullptr, nullptr), SQLITE_OK);
  sqlite3_close(db);
}

constexpr Migration kAddedColumn{2, "0002_run_owner",
                                 "ALTER TABLE run ADD COLUMN owner TEXT NOT NULL DEFAULT 'unknown';\n"
                                 "CREATE TABLE run_note (run_id INTEGER NOT NULL REFERENCES run(id), note TEXT);\n"};

}  // namespace

class tst_ProjectFile : public QObject {
  Q_OBJECT

 private slots:
  // A transaction inside another is a savepoint: what it did commits with the outer one, and
  // goes when it or the outer one rolls back.
  void aTransactionInsideAnotherCommitsWithIt() {
    QTemporaryDir dir;
    auto project = Project::create(dir.filePath("nested.lathe").toStdString(), named("Nested"));
    Database& db = project->db();
    const auto runs = [&db] { return db.queryInt("SELECT COUNT(*) FROM run"); };
    {
      Transaction outer(db);
      addRuns(db, 2, "kept");  // commits as a savepoint inside `outer`
      {
        Transaction inner(db);
        addRuns(db, 1, "undone");
      }  // not committed: rolled back to its savepoint
      QCOMPARE(runs(), std::int64_t{2});
      outer.commit();
    }
    QCOMPARE(runs(), std::int64_t{2});
    {
      Transaction outer(db);
      addRuns(db, 3, "dropped");
    }  // the outer one rolls back what its savepoint committed
    QCOMPARE(runs(), std::int64_t{2});
  }

  // Case 28: every kind of not-a-project has its own problem and its own message naming the file.
  void refusesWhatIsNotAProject() {
    QTemporaryDir dir;
    const auto at = [&](const char* name) { return dir.filePath(name).toStdString(); };

    std::mt19937 random(28);
    QByteArray noise(8192, '\0');
    for (char& byte : noise) byte = static_cast<char>(random() & 0xff);
    writeBytes(at("noise.lathe"), noise);
    writeBytes(at("empty.lathe"), {});
    QVERIFY(QDir(dir.path()).mkdir("folder.lathe"));
    // The SQLite magic followed by noise: SQLite itself must call it "not a database".
    QByteArray fakeHeader = QByteArray("SQLite format 3", 16) + noise;
    writeBytes(at("fake-header.lathe"), fakeHeader);
    makePlainSqlite(at("other-app.lathe"),
                    "PRAGMA application_id = 0x12345678; CREATE TABLE note(id INTEGER PRIMARY KEY, text TEXT);"
                    "INSERT INTO note(text) VALUES ('belongs to another program');");
    makePlainSqlite(at("plain.lathe"), "CREATE TABLE t(x); INSERT INTO t VALUES (1);");
    const QByteArray otherAppHash = fileHash(at("other-app.lathe"));
    const QByteArray plainHash = fileHash(at("plain.lathe"));

    struct Expected {
      const char* name;
      ProjectProblem problem;
      const char* says;
    };
    const std::vector<Expected> cases = {
        {"noise.lathe", ProjectProblem::NotADatabase, "not an SQLite database"},
        {"empty.lathe", ProjectProblem::Empty, "empty (0 bytes)"},
        {"folder.lathe", ProjectProblem::NotAFile, "not a regular file"},
        {"missing.lathe", ProjectProblem::Missing, "no such project file"},
        {"other-app.lathe", ProjectProblem::ForeignDatabase, "another application's SQLite database (application_id 0x12345678)"},
        {"plain.lathe", ProjectProblem::ForeignDatabase, "an SQLite database, but not a Lathe project"},
    };
    std::set<std::string> messages;
    for (const Expected& expected : cases) {
      const OpenFailure failure = openFailure(at(expected.name));
      QVERIFY2(failure.thrown, expected.name);
      QVERIFY2(failure.problem == expected.problem, expected.name);
      QVERIFY2(failure.message.find(expected.says) != std::string::npos, failure.message.c_str());
      QCOMPARE(failure.file, at(expected.name));
      messages.insert(failure.message);
    }
    QCOMPARE(messages.size(), cases.size());

    const OpenFailure fake = openFailure(at("fake-header.lathe"));
    QVERIFY(fake.thrown);
    QVERIFY2(fake.problem == ProjectProblem::NotADatabase || fake.problem == ProjectProblem::Damaged, fake.message.c_str());

    // Looking was all: the other programs' files are byte for byte what they were, with nothing beside them.
    QCOMPARE(fileHash(at("other-app.lathe")), otherAppHash);
    QCOMPARE(fileHash(at("plain.lathe")), plainHash);
    QCOMPARE(folderEntries(dir.path()), QStringList({"empty.lathe", "fake-header.lathe", "folder.lathe",
                                                     "noise.lathe", "other-app.lathe", "plain.lathe"}));
  }

  // Case 29: a file from a newer Lathe is refused and left exactly as it was.
  void refusesANewerFormatWithoutTouchingIt() {
    QTemporaryDir dir;
    const std::string path = dir.filePath("future.lathe").toStdString();
    {
      auto project = Project::create(path, named("Future"));
      addRuns(project->db(), 3);
      project->db().execute("PRAGMA user_version = " + std::to_string(Migrations::latestVersion() + 1));
    }
    const QByteArray before = fileHash(path);
    const QStringList entriesBefore = folderEntries(dir.path());

    const OpenFailure failure = openFailure(path);
    QVERIFY(failure.thrown);
    QCOMPARE(failure.problem, ProjectProblem::NewerVersion);
    QVERIFY2(failure.message.find("newer Lathe") != std::string::npos, failure.message.c_str());
    QVERIFY2(failure.message.find("format " + std::to_string(Migrations::latestVersion() + 1)) != std::string::npos,
             failure.message.c_str());
    ProjectOpenOptions readOnly;
    readOnly.readOnly = true;
    QCOMPARE(openFailure(path, readOnly).problem, ProjectProblem::NewerVersion);

    QCOMPARE(fileHash(path), before);
    QCOMPARE(folderEntries(dir.path()), entriesBefore);
  }

  // Case 29: an older file is copied aside first, then upgraded in one transaction, its data kept.
  void backsUpAndMigratesAnOlderFormat() {
    QTemporaryDir dir;
    const std::string path = dir.filePath("old.lathe").toStdString();
    // Format 1 as it shipped, then a stand-in for a newer format.
    const std::vector<Migration> one(Migrations::builtIn().begin(), Migrations::builtIn().begin() + 1);
    QCOMPARE(one.front().version, 1);
    std::vector<Migration> two = one;
    two.push_back(kAddedColumn);
    {
      ProjectOpenOptions options;
      options.migrations = one;
      auto project = Project::create(path, named("Old"), options);
      addRuns(project->db(), 4, "old");
    }
    ProjectOpenOptions upgrade;
    upgrade.migrations = two;
    std::vector<int> stepsRun;
    upgrade.beforeMigration = [&](const Migration& migration) { stepsRun.push_back(migration.version); };
    {
      auto project = Project::open(path, upgrade);
      QVERIFY(!project->readOnly());
      QCOMPARE(stepsRun, std::vector<int>{2});
      QCOMPARE(project->db().queryInt("PRAGMA user_version"), std::int64_t{2});
      QCOMPARE(countRuns(project->db()), std::int64_t{4});
      QCOMPARE(project->db().queryInt("SELECT count(*) FROM run WHERE owner = 'unknown'"), std::int64_t{4});
      QCOMPARE(project->db().queryInt("SELECT count(*) FROM run_metric"), std::int64_t{20});
      QVERIFY(!project->backupPath().empty());
      QVERIFY(QFile::exists(QString::fromStdString(project->backupPath())));

      // The backup is the old file: format 1, the same runs, no new column.
      Database backup(project->backupPath(), {Database::Mode::ReadOnly, {}});
      QCOMPARE(backup.queryInt("PRAGMA user_version"), std::int64_t{1});
      QCOMPARE(backup.queryInt("PRAGMA application_id"), std::int64_t{kApplicationId});
      QCOMPARE(countRuns(backup), std::int64_t{4});
      QCOMPARE(backup.queryInt("SELECT count(*) FROM pragma_table_info('run') WHERE name = 'owner'"), std::int64_t{0});
      Statement check = backup.prepare("PRAGMA integrity_check");
      QVERIFY(check.step());
      QCOMPARE(check.text(0), std::string("ok"));
    }
    // Already upgraded: opening again neither migrates nor backs up.
    stepsRun.clear();
    auto again = Project::open(path, upgrade);
    QVERIFY(stepsRun.empty());
    QVERIFY(again->backupPath().empty());
  }

  // The real formats 2 and 3: a format-1 project (as Lathe wrote it before tuning) gains the
  // tuning table and the deployment tables when opened for writing, its runs kept, its old self
  // backed up.
  void aFormatOneProjectGainsTheTuningTable() {
    QTemporaryDir dir;
    const std::string path = dir.filePath("format1.lathe").toStdString();
    const std::vector<Migration> one(Migrations::builtIn().begin(), Migrations::builtIn().begin() + 1);
    {
      ProjectOpenOptions formatOne;
      formatOne.migrations = one;  // a view: `one` must outlive it
      auto project = Project::create(path, named("Before tuning"), formatOne);
      addRuns(project->db(), 3, "old");
      QCOMPARE(project->db().queryInt("SELECT count(*) FROM sqlite_schema WHERE name = 'tuning'"), std::int64_t{0});
    }
    auto project = Project::open(path);
    QVERIFY(!project->readOnly());
    QCOMPARE(project->db().queryInt("PRAGMA user_version"), std::int64_t{Migrations::latestVersion(Migrations::builtIn())});
    QCOMPARE(project->db().queryInt("SELECT count(*) FROM sqlite_schema WHERE name = 'tuning'"), std::int64_t{1});
    QCOMPARE(project->db().queryInt("SELECT count(*) FROM sqlite_schema WHERE name IN ('model_version', 'endpoint', "
                                    "'request_log')"),
             std::int64_t{3});
    QCOMPARE(countRuns(project->db()), std::int64_t{3});
    QVERIFY(!project->backupPath().empty());
  }

  // Case 29: an upgrade that fails half-way leaves the file at its old format with its data.
  void aFailedMigrationLeavesTheOldFile() {
    QTemporaryDir dir;
    const std::string path = dir.filePath("old.lathe").toStdString();
    const std::vector<Migration> formatOne(Migrations::builtIn().begin(), Migrations::builtIn().begin() + 1);
    std::vector<Migration> broken = formatOne;
    {
      ProjectOpenOptions options;
      options.migrations = broken;
      auto project = Project::create(path, named("Old"), options);
      addRuns(project->db(), 2);
    }
    // The first statement works, the second fails: the first must not stay behind.
    broken.push_back({2, "0002_broken", "ALTER TABLE run ADD COLUMN owner TEXT; INSERT INTO no_such_table VALUES (1);"});
    ProjectOpenOptions upgrade;
    upgrade.migrations = broken;
    bool refused = false;
    try {
      Project::open(path, upgrade);
    } catch (const lathe::Error& e) {
      refused = true;
      QVERIFY2(std::string(e.what()).find("no_such_table") != std::string::npos, e.what());
    }
    QVERIFY(refused);
    ProjectOpenOptions asItWas;
    asItWas.migrations = formatOne;
    auto project = Project::open(path, asItWas);
    QCOMPARE(project->db().queryInt("PRAGMA user_version"), std::int64_t{1});
    QCOMPARE(project->db().queryInt("SELECT count(*) FROM pragma_table_info('run') WHERE name = 'owner'"), std::int64_t{0});
    QCOMPARE(countRuns(project->db()), std::int64_t{2});
  }

  // Case 30: damage inside a table's page: readable, but read-only and never written again.
  void aDamagedFileOpensReadOnly() {
    QTemporaryDir dir;
    const std::string path = dir.filePath("damaged.lathe").toStdString();
    std::int64_t runRoot = 0;
    std::int64_t pageSize = 0;
    {
      auto project = Project::create(path, named("Damaged"));
      addRuns(project->db(), 400);
      runRoot = project->db().queryInt("SELECT rootpage FROM sqlite_schema WHERE name = 'run_metric'");
      pageSize = project->db().queryInt("PRAGMA page_size");
    }
    QVERIFY(runRoot > 1);
    // The b-tree page header of the metrics table: its page type and cell count become nonsense.
    scribble(path, (runRoot - 1) * pageSize, 12);
    const QByteArray damaged = fileHash(path);

    auto project = Project::open(path);
    QVERIFY(project->readOnly());
    QCOMPARE(project->readOnlyReason(), ReadOnlyReason::Damaged);
    QVERIFY_THROWS_EXCEPTION(ProjectFileError, project->requireWritable());
    QCOMPARE(countRuns(project->db()), std::int64_t{400});  // what is intact still reads
    QVERIFY_THROWS_EXCEPTION(StoreError, addRuns(project->db(), 1));
    QVERIFY_THROWS_EXCEPTION(StoreError, project->connect().execute("DELETE FROM run"));
    project.reset();
    QCOMPARE(fileHash(path), damaged);
  }

  // Case 30: damage to the schema itself: nothing can be read, so it is refused as damaged.
  void aDamagedSchemaIsRefused() {
    QTemporaryDir dir;
    const std::string path = dir.filePath("schema.lathe").toStdString();
    Project::create(path, named("Schema"));
    scribble(path, 100, 8);  // the b-tree header of sqlite_schema on page 1
    const OpenFailure failure = openFailure(path);
    QVERIFY(failure.thrown);
    QCOMPARE(failure.problem, ProjectProblem::Damaged);
    QVERIFY2(failure.message.find("damaged") != std::string::npos, failure.message.c_str());
  }

  // Case 30: a planted trigger and view do nothing: triggers never fire, views never run.
  void aMaliciousSchemaIsNeutralised() {
    QTemporaryDir dir;
    const std::string path = dir.filePath("planted.lathe").toStdString();
    Project::create(path, named("Planted"));
    makePlainSqlite(path,
                    "CREATE TABLE stolen(name TEXT);"
                    "CREATE TRIGGER copy_runs AFTER INSERT ON run BEGIN INSERT INTO stolen VALUES (new.name); "
                    "UPDATE project SET name = 'pwned'; END;"
                    "CREATE VIEW peek AS SELECT name FROM run;");
    auto project = Project::open(path);
    QVERIFY(!project->readOnly());
    addRuns(project->db(), 2);
    QCOMPARE(countRuns(project->db()), std::int64_t{2});
    QCOMPARE(project->db().queryInt("SELECT count(*) FROM stolen"), std::int64_t{0});
    Statement name = project->db().prepare("SELECT name FROM project");
    QVERIFY(name.step());
    QCOMPARE(name.text(0), std::string("Planted"));
    QVERIFY_THROWS_EXCEPTION(StoreError, project->db().queryInt("SELECT count(*) FROM peek"));
    // A job's connection is just as guarded.
    Database job = project->connect();
    addRuns(job, 1);
    QCOMPARE(job.queryInt("SELECT count(*) FROM stolen"), std::int64_t{0});
    QVERIFY_THROWS_EXCEPTION(StoreError, job.queryInt("SELECT count(*) FROM peek"));
  }

  // Case 32: a read-only file opens read-only (as root too: Lathe checks the write bits).
  void aReadOnlyFileOpensReadOnly() {
    QTemporaryDir dir;
    const std::string path = dir.filePath("locked.lathe").toStdString();
    {
      auto project = Project::create(path, named("Locked"));
      addRuns(project->db(), 3);
    }
    QCOMPARE(::chmod(path.c_str(), 0444), 0);
    const QByteArray before = fileHash(path);
    {
      auto project = Project::open(path);
      QCOMPARE(project->readOnlyReason(), ReadOnlyReason::FileNotWritable);
      QCOMPARE(countRuns(project->db()), std::int64_t{3});
      QVERIFY_THROWS_EXCEPTION(ProjectFileError, project->requireWritable());
      QVERIFY_THROWS_EXCEPTION(StoreError, addRuns(project->db(), 1));
      Database job = project->connect();
      QCOMPARE(countRuns(job), std::int64_t{3});
    }
    QCOMPARE(fileHash(path), before);
    QCOMPARE(folderEntries(dir.path()), QStringList({"locked.lathe"}));
    ::chmod(path.c_str(), 0644);
  }

  // Case 32: so does a project in a read-only folder, and it leaves nothing behind there.
  void aReadOnlyFolderOpensReadOnly() {
    QTemporaryDir dir;
    const QString folder = dir.filePath("shelf");
    QVERIFY(QDir(dir.path()).mkdir("shelf"));
    const std::string path = (folder + "/kept.lathe").toStdString();
    {
      auto project = Project::create(path, named("Kept"));
      addRuns(project->db(), 2);
    }
    // Closed, the project is a rollback-journal file (header bytes 18 and 19 are 1, not WAL's 2):
    // a WAL file cannot be read at all where its -shm cannot be created, as in this folder for
    // anyone but root.
    {
      QFile file(QString::fromStdString(path));
      QVERIFY(file.open(QIODevice::ReadOnly));
      const QByteArray header = file.read(20);
      QCOMPARE(int(header[18]), 1);
      QCOMPARE(int(header[19]), 1);
    }
    QCOMPARE(::chmod(folder.toLocal8Bit().constData(), 0555), 0);
    const QByteArray before = fileHash(path);
    {
      auto project = Project::open(path);
      QCOMPARE(project->readOnlyReason(), ReadOnlyReason::FileNotWritable);
      QCOMPARE(countRuns(project->db()), std::int64_t{2});
      QVERIFY_THROWS_EXCEPTION(StoreError, addRuns(project->db(), 1));
    }
    QCOMPARE(fileHash(path), before);
    QCOMPARE(folderEntries(folder), QStringList({"kept.lathe"}));
    ::chmod(folder.toLocal8Bit().constData(), 0755);
  }
};

QTEST_GUILESS_MAIN(tst_ProjectFile)
#include "tst_ProjectFile.moc"
