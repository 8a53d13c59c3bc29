// Save As (BAD_INPUTS case 32): a good copy when it can, and when it cannot (onto itself, into a
// read-only folder, onto a full disk) the original and any old target exactly as they were and
// no temporary file left behind.
#include <sys/stat.h>

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include "StoreTestSupport.h"
#include "FaultyVfs.h"
#include "engine/store/Database.h"
#include "engine/store/Project.h"
#include "engine/store/ProjectCopy.h"
#include "engine/store/ProjectFileError.h"
#include "engine/store/Transaction.h"

using namespace lathe::store;

namespace {

void addRuns(Database& db, int count) {
  Transaction transaction(db);
  Statement run = db.prepare("INSERT INTO run(name, algorithm, started_at) VALUES (?1, 'forest', '2024-05-01T10:00:00Z')");
  for (int i = 0; i < count; ++i) {
    run.bind(1, "run-" + std::to_string(i)).run();
    run.reset();
  }
  transaction.commit();
}

QByteArray fileHash(const std::string& path) {
  QFile file(QString::fromStdString(path));
  if (!file.open(QIODevice::ReadOnly)) return {};
  return QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256);
}

QStringList folderEntries(const QString& folder) {
  return QDir(folder).entryList(QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot, QDir::Name);
}

ProjectProblem saveAsProblem(Database& source, const std::string& target) {
  try {
    ProjectCopy::saveAs(source, target);
  } catch (const ProjectFileError& e) {
    if (e.where().file != target) qWarning("the error names %s, not the target", e.where().file.c_str());
    return e.problem();
  }
  return ProjectProblem::Missing;  // "no error": no Save As test expects Missing
}

}  // namespace

class tst_ProjectCopy : public QObject {
  Q_OBJECT

 private slots:
  void initTestCase() { QVERIFY(faulty::registerVfs()); }
  void cleanup() { faulty::clearFaults(); }

  void writesACompleteCopy() {
    QTemporaryDir dir;
    const std::string path = dir.filePath("source.lathe").toStdString();
    const std::string copy = dir.filePath("copy.lathe").toStdString();
    auto project = Project::create(path, named("Source"));
    addRuns(project->db(), 50);
    ProjectCopy::saveAs(project->db(), copy);
    QCOMPARE(folderEntries(dir.path()), QStringList({"copy.lathe", "source.lathe", "source.lathe-shm", "source.lathe-wal"}));
    auto opened = Project::open(copy);
    QVERIFY(!opened->readOnly());
    QCOMPARE(opened->db().queryInt("SELECT count(*) FROM run"), std::int64_t{50});
    QCOMPARE(opened->db().queryInt("SELECT count(*) FROM project WHERE name = 'Source'"), std::int64_t{1});
  }

  void refusesItsOwnFile() {
    QTemporaryDir dir;
    const std::string path = dir.filePath("self.lathe").toStdString();
    auto project = Project::create(path, named("Self"));
    addRuns(project->db(), 5);
    QCOMPARE(saveAsProblem(project->db(), path), ProjectProblem::SameFile);
    // Through another spelling of the same path, too.
    QCOMPARE(saveAsProblem(project->db(), dir.filePath("./self.lathe").toStdString()), ProjectProblem::SameFile);
    QCOMPARE(project->db().queryInt("SELECT count(*) FROM run"), std::int64_t{5});
  }

  // As root, too: the folder's write bits say no, whatever the permissions would allow.
  void refusesAReadOnlyFolderAndLeavesNothing() {
    QTemporaryDir dir;
    const std::string path = dir.filePath("source.lathe").toStdString();
    auto project = Project::create(path, named("Source"));
    addRuns(project->db(), 5);
    const QString shelf = dir.filePath("shelf");
    QVERIFY(QDir(dir.path()).mkdir("shelf"));
    const std::string old = (shelf + "/old.lathe").toStdString();
    Project::create(old, named("Old"));
    const QByteArray oldHash = fileHash(old);
    QCOMPARE(::chmod(shelf.toLocal8Bit().constData(), 0555), 0);

    QCOMPARE(saveAsProblem(project->db(), (shelf + "/new.lathe").toStdString()), ProjectProblem::WriteFailed);
    QCOMPARE(saveAsProblem(project->db(), old), ProjectProblem::WriteFailed);
    QCOMPARE(folderEntries(shelf), QStringList({"old.lathe"}));
    QCOMPARE(fileHash(old), oldHash);
    ::chmod(shelf.toLocal8Bit().constData(), 0755);
  }

  // A file the user made read-only is not replaced either.
  void refusesToReplaceAReadOnlyFile() {
    QTemporaryDir dir;
    auto project = Project::create(dir.filePath("source.lathe").toStdString(), named("Source"));
    const std::string old = dir.filePath("kept.lathe").toStdString();
    Project::create(old, named("Kept"));
    QCOMPARE(::chmod(old.c_str(), 0444), 0);
    const QByteArray oldHash = fileHash(old);
    QCOMPARE(saveAsProblem(project->db(), old), ProjectProblem::WriteFailed);
    QCOMPARE(fileHash(old), oldHash);
    ::chmod(old.c_str(), 0644);
  }

  // A full disk or an I/O error half-way through the copy: the original and the old target are
  // untouched and the half-written temporary file is gone.
  void aFullDiskLeavesEverythingAsItWas() {
    for (const faulty::WriteFault fault : {faulty::WriteFault::DiskFull, faulty::WriteFault::IoError}) {
      QTemporaryDir dir;
      const std::string path = dir.filePath("source.lathe").toStdString();
      const std::string target = dir.filePath("target.lathe").toStdString();
      {
        auto project = Project::create(path, named("Source"));
        addRuns(project->db(), 2000);
        auto old = Project::create(target, named("Target"));
        addRuns(old->db(), 3);
      }
      const QByteArray targetHash = fileHash(target);

      ProjectOpenOptions options;
      options.vfs = faulty::kVfsName;
      {
        auto project = Project::open(path, options);
        faulty::resetCounters();
        faulty::onlyFilesContaining(".saving-");
        faulty::failWritesAfter(20000, fault);
        QCOMPARE(saveAsProblem(project->db(), target), ProjectProblem::WriteFailed);
        QVERIFY(faulty::controls().writeFailures > 0);
        faulty::clearFaults();
        QCOMPARE(project->db().queryInt("SELECT count(*) FROM run"), std::int64_t{2000});
      }
      QCOMPARE(folderEntries(dir.path()), QStringList({"source.lathe", "target.lathe"}));
      QCOMPARE(fileHash(target), targetHash);
      {
        Database source(path, {Database::Mode::ReadOnly, {}});
        Statement check = source.prepare("PRAGMA integrity_check");
        QVERIFY(check.step());
        QCOMPARE(check.text(0), std::string("ok"));
        QCOMPARE(source.queryInt("SELECT count(*) FROM run"), std::int64_t{2000});
      }
      auto old = Project::open(target);
      QCOMPARE(old->db().queryInt("SELECT count(*) FROM run"), std::int64_t{3});
    }
  }

  // The copy's own sync failing is a failed Save As too, never a copy that may not be on the disk.
  void aFailedSyncLeavesEverythingAsItWas() {
    QTemporaryDir dir;
    const std::string path = dir.filePath("source.lathe").toStdString();
    const std::string target = dir.filePath("target.lathe").toStdString();
    {
      auto project = Project::create(path, named("Source"));
      addRuns(project->db(), 20);
    }
    ProjectOpenOptions options;
    options.vfs = faulty::kVfsName;
    auto project = Project::open(path, options);
    faulty::resetCounters();
    faulty::onlyFilesContaining(".saving-");
    faulty::failSyncs();
    const ProjectProblem problem = saveAsProblem(project->db(), target);
    faulty::clearFaults();
    // VACUUM INTO syncs only when it is asked to; if SQLite did not sync, Lathe's own fsync did.
    if (faulty::controls().syncFailures > 0) {
      QCOMPARE(problem, ProjectProblem::WriteFailed);
      QVERIFY(!QFile::exists(QString::fromStdString(target)));
    } else {
      QCOMPARE(problem, ProjectProblem::Missing);
      QVERIFY(QFile::exists(QString::fromStdString(target)));
    }
    project.reset();
    QCOMPARE(folderEntries(dir.path()).filter(".saving-").size(), 0);
  }
};

QTEST_GUILESS_MAIN(tst_ProjectCopy)
#include "tst_ProjectCopy.moc"
