// Creating and reopening a project file: the schema, the project's description and the lock.
#include <QTemporaryDir>
#include <QtTest>

#include "engine/store/Migrations.h"
#include "engine/store/Project.h"
#include "engine/store/ProjectFileError.h"
#include "engine/store/ProjectFormat.h"
#include "engine/store/ProjectInfoRepository.h"

using namespace lathe::store;

class tst_Project : public QObject {
  Q_OBJECT

 private slots:
  void createsAndReopensWithItsDescription() {
    QTemporaryDir dir;
    const std::string path = dir.filePath("churn.lathe").toStdString();
    ProjectInfo info;
    info.name = "Churn";
    info.goal = "Keep customers who are about to leave";
    info.kpi = {"roc_auc", true, 0.85};
    info.costs.truePositive = 40.0;
    info.costs.falsePositive = -5.0;
    {
      auto project = Project::create(path, info);
      QVERIFY(!project->readOnly());
      QCOMPARE(project->db().queryInt("PRAGMA application_id"), std::int64_t{kApplicationId});
      QCOMPARE(project->db().queryInt("PRAGMA user_version"), std::int64_t{Migrations::latestVersion()});
    }
    auto project = Project::open(path);
    ProjectInfo loaded = ProjectInfoRepository(project->db()).load();
    QCOMPARE(loaded.name, info.name);
    QCOMPARE(loaded.goal, info.goal);
    QCOMPARE(loaded.kpi, info.kpi);
    QCOMPARE(loaded.costs, info.costs);
    QVERIFY(!loaded.createdAt.empty());

    loaded.description = "Monthly churn model";
    loaded.kpi.higherIsBetter = false;
    ProjectInfoRepository(project->db()).save(loaded);
    QCOMPARE(ProjectInfoRepository(project->db()).load().description, loaded.description);
    QCOMPARE(ProjectInfoRepository(project->db()).load().kpi.higherIsBetter, false);
  }

  void aSecondOpenIsToldTheProjectIsInUse() {
    QTemporaryDir dir;
    const std::string path = dir.filePath("shared.lathe").toStdString();
    auto first = Project::create(path, ProjectInfo{"Shared", {}, {}, {}, {}, {}, {}});
    auto second = Project::open(path);
    QVERIFY(second->readOnly());
    QCOMPARE(second->readOnlyReason(), ReadOnlyReason::InUse);
    ProjectOpenOptions strict;
    strict.readOnlyWhenInUse = false;
    try {
      Project::open(path, strict);
      QFAIL("a second writer was let in");
    } catch (const ProjectFileError& e) {
      QCOMPARE(e.problem(), ProjectProblem::InUse);
    }
  }

  void createRefusesAnExistingFile() {
    QTemporaryDir dir;
    const std::string path = dir.filePath("taken.lathe").toStdString();
    Project::create(path, ProjectInfo{"Taken", {}, {}, {}, {}, {}, {}});
    QVERIFY_THROWS_EXCEPTION(ProjectFileError, Project::create(path, ProjectInfo{"Again", {}, {}, {}, {}, {}, {}}));
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden).size(), 1);
  }
};

QTEST_GUILESS_MAIN(tst_Project)
#include "tst_Project.moc"
