// Undoable edits of a project: each wraps one engine operation, undo and redo reach the file,
// and a write the file refuses is reported and leaves no false step in the history.
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QUndoStack>
#include <QtTest>

#include "app/commands/DeleteDatasetCommand.h"
#include "app/commands/DeleteRunCommand.h"
#include "app/commands/EditProjectInfoCommand.h"
#include "app/commands/RenameDatasetCommand.h"
#include "app/commands/RenameRunCommand.h"
#include "app/document/ProjectDocument.h"
#include "engine/data/Column.h"
#include "engine/store/DatasetRepository.h"
#include "engine/store/Project.h"
#include "engine/store/ProjectInfoRepository.h"
#include "engine/store/RunRepository.h"

using namespace lathe;
using lathe::app::ProjectDocument;

// How another reader opens the project: read-only, beside the window's writer.
static lathe::store::ProjectOpenOptions readOnlyAccess() {
  lathe::store::ProjectOpenOptions options;
  options.readOnly = true;
  return options;
}

class tst_ProjectCommands : public QObject {
  Q_OBJECT
  QTemporaryDir dir_;
  int counter_ = 0;

  std::shared_ptr<store::Project> newProject() {
    store::ProjectInfo info;
    info.name = "Churn";
    return store::Project::create(dir_.filePath(QStringLiteral("p%1.lathe").arg(++counter_)).toStdString(), info);
  }

  static qint64 addDataset(store::Project& project, const std::string& name) {
    data::Table table({data::Column::float64("x", {1.0, 2.0, 3.0})});
    const auto versionId = store::DatasetRepository(project.db()).addDataset(name, table, {});
    return store::DatasetRepository(project.db()).version(versionId)->datasetId;
  }

  static qint64 addRun(store::Project& project, const std::string& name) {
    store::ExperimentRun run;
    run.name = name;
    run.algorithm = "logistic";
    run.startedAt = "2026-11-28T10:00:00.000Z";
    return store::RunRepository(project.db()).add(run);
  }

 private slots:
  void editingTheGoalAndKpiIsUndoable() {
    ProjectDocument document;
    document.setProject(newProject());
    const store::ProjectInfo before = document.info();
    store::ProjectInfo after = before;
    after.goal = "Cut churn by a fifth";
    after.kpi = {"roc_auc", true, 0.8};
    document.undoStack()->push(new app::EditProjectInfoCommand(&document, before, after));
    QCOMPARE(document.info().goal, after.goal);
    QCOMPARE(document.info().kpi, after.kpi);
    QCOMPARE(document.undoStack()->undoText(), QStringLiteral("Edit business goal"));
    document.undoStack()->undo();
    QCOMPARE(document.info().goal, before.goal);
    QCOMPARE(document.info().kpi, before.kpi);
    document.undoStack()->redo();
    // Reread from the file through another connection: the edit is stored, not just shown.
    auto reader = store::Project::open(document.filePath().toStdString(), readOnlyAccess());
    QCOMPARE(store::ProjectInfoRepository(reader->db()).load().goal, after.goal);
  }

  void renamingAndDeletingADatasetAreUndoable() {
    ProjectDocument document;
    document.setProject(newProject());
    const qint64 id = addDataset(*document.project(), "flights");
    document.undoStack()->push(new app::RenameDatasetCommand(&document, id, "flights", "flights 2024"));
    QCOMPARE(document.datasets().at(0).name, std::string("flights 2024"));
    document.undoStack()->push(new app::DeleteDatasetCommand(&document, id, "flights 2024"));
    QVERIFY(document.datasets().empty());
    document.undoStack()->undo();
    QCOMPARE(document.datasets().size(), std::size_t{1});
    // Its data came back with it: nothing was snapshotted or lost.
    const auto versionId = document.datasets()[0].versions.at(0).id;
    QCOMPARE(store::DatasetRepository(document.project()->db()).loadColumn(versionId, 0)->float64Values()[2], 3.0);
    document.undoStack()->undo();
    QCOMPARE(document.datasets().at(0).name, std::string("flights"));
  }

  void renamingAndDeletingARunAreUndoable() {
    ProjectDocument document;
    document.setProject(newProject());
    const qint64 id = addRun(*document.project(), "baseline");
    QCOMPARE(document.runCount(), qint64{1});
    document.undoStack()->push(new app::RenameRunCommand(&document, id, "baseline", "logistic, C=1"));
    QCOMPARE(store::RunRepository(document.project()->db()).get(id)->name, std::string("logistic, C=1"));
    document.undoStack()->push(new app::DeleteRunCommand(&document, id, "logistic, C=1"));
    QCOMPARE(document.runCount(), qint64{0});
    document.undoStack()->undo();
    QCOMPARE(document.runCount(), qint64{1});
    document.undoStack()->undo();
    QCOMPARE(store::RunRepository(document.project()->db()).get(id)->name, std::string("baseline"));
  }

  void aRefusedWriteIsReportedAndLeavesNoStepInTheHistory() {
    const auto writable = newProject();
    const std::string path = writable->path();
    const qint64 id = addDataset(*writable, "flights");
    ProjectDocument document;
    document.setProject(store::Project::open(path, readOnlyAccess()));
    QSignalSpy failed(&document, &ProjectDocument::failed);
    document.undoStack()->push(new app::DeleteDatasetCommand(&document, id, "flights"));
    QCOMPARE(failed.size(), 1);
    QVERIFY(failed.at(0).at(1).toString().contains(QStringLiteral("read-only")));
    QCOMPARE(document.undoStack()->count(), 0);
    QCOMPARE(document.datasets().size(), std::size_t{1});
  }
};

QTEST_MAIN(tst_ProjectCommands)
#include "tst_ProjectCommands.moc"
