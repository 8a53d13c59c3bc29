// The window's project workflows end to end: open, import into the project, undo, Save As,
// reopen with the last view, a project open elsewhere, and files that are not projects.
#include <QDockWidget>
#include <QMessageBox>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QUndoStack>
#include <QtTest>

#include "IsolatedSettings.h"
#include "TestFiles.h"
#include "app/desktop/ImportDialog.h"
#include "app/desktop/MainWindow.h"
#include "app/desktop/ProjectController.h"
#include "app/desktop/RecipeController.h"
#include "app/desktop/RecentProjects.h"
#include "app/document/ProjectDocument.h"
#include "app/desktop/StudioDocks.h"
#include "app/jobs/JobManager.h"
#include "engine/store/DatasetRepository.h"
#include "engine/store/Project.h"
#include "engine/store/ProjectInfoRepository.h"
#include "widgets/table/DataTableModel.h"
#include "widgets/table/DataTableView.h"
#include "widgets/table/HistogramHeaderView.h"
#include "TestPaths.h"

using lathe::app::JobManager;
using lathe::app::MainWindow;
namespace store = lathe::store;

// How another reader opens the project: read-only, beside the window's writer.
static lathe::store::ProjectOpenOptions readOnlyAccess() {
  lathe::store::ProjectOpenOptions options;
  options.readOnly = true;
  return options;
}

class tst_MainWindowProject : public QObject {
  Q_OBJECT
  IsolatedSettings settings_;
  QTemporaryDir dir_;

  static QMessageBox* visibleMessage(const MainWindow& window) {
    for (auto* box : window.findChildren<QMessageBox*>())
      if (box->isVisible()) return box;
    return nullptr;
  }

  QString makeProject(const QString& fileName, const std::string& name) {
    const QString path = dir_.filePath(fileName);
    store::ProjectInfo info;
    info.name = name;
    info.goal = "Find customers about to leave";
    store::Project::create(path.toStdString(), info);
    return path;
  }

  // Opens `path` in the window and waits for the open job.
  static bool openAndWait(MainWindow& window, const QString& path) {
    QSignalSpy changed(window.document(), &lathe::app::ProjectDocument::projectChanged);
    window.openFile(path);
    return changed.wait(20000);
  }

  // Imports `path` through the import dialog and waits until it is stored in the project.
  static void importAndStore(MainWindow& window, const QString& path) {
    const std::size_t before = window.document()->datasets().size();
    window.openFile(path);
    auto* dialog = window.findChild<lathe::app::ImportDialog*>();
    QVERIFY(dialog);
    dialog->accept();
    QTRY_VERIFY_WITH_TIMEOUT(window.currentTable() != nullptr, 30000);
    QTRY_COMPARE_WITH_TIMEOUT(window.jobManager()->activeCount(), 0, 30000);
    QCOMPARE(window.document()->datasets().size(), before + 1);
  }

 private slots:
  void openingAProjectShowsItsNameAndListsItAsRecent() {
    const QString path = makeProject("churn.lathe", "Customer churn");
    MainWindow window;
    QVERIFY(openAndWait(window, path));
    QVERIFY(window.document()->hasProject());
    QVERIFY2(window.windowTitle().startsWith(QStringLiteral("Customer churn")), qPrintable(window.windowTitle()));
    QVERIFY(!window.document()->readOnly());
    QCOMPARE(lathe::app::RecentProjects::paths().value(0), path);
  }

  void anImportIsStoredInTheProjectAndUndoHidesIt() {
    const QString path = makeProject("iris.lathe", "Iris");
    MainWindow window;
    window.show();
    QVERIFY(openAndWait(window, path));
    importAndStore(window, QString::fromUtf8(LATHE_DATASETS_DIR) + QStringLiteral("/penguins.csv"));
    auto datasets = window.document()->datasets();
    QCOMPARE(datasets.size(), std::size_t{1});
    QCOMPARE(datasets[0].name, std::string("penguins"));
    QCOMPARE(datasets[0].versions.at(0).rowCount, std::int64_t{344});
    QVERIFY(datasets[0].versions[0].origin.sourcePath.ends_with("penguins.csv"));

    window.document()->undoStack()->undo();
    QVERIFY(window.document()->datasets().empty());
    window.document()->undoStack()->redo();
    QCOMPARE(window.document()->datasets().size(), std::size_t{1});

    // The data is in the file, not in the window: another reader sees it.
    auto reader = store::Project::open(path.toStdString(), readOnlyAccess());
    QCOMPARE(store::DatasetRepository(reader->db()).list().size(), std::size_t{1});
  }

  void reopeningRestoresTheDatasetLastShown() {
    const QString path = makeProject("restore.lathe", "Restore");
    {
      MainWindow window;
      window.show();
      QVERIFY(openAndWait(window, path));
      importAndStore(window, QString::fromUtf8(LATHE_DATASETS_DIR) + QStringLiteral("/penguins.csv"));
    }
    MainWindow window;
    QVERIFY(openAndWait(window, path));
    QTRY_VERIFY_WITH_TIMEOUT(window.currentTable() != nullptr, 30000);
    QCOMPARE(window.currentTable()->rowCount(), std::size_t{344});
  }

  void anImportWithoutAProjectGoesIntoAScratchProjectThatSaveAsNames() {
    MainWindow window;
    window.show();
    QVERIFY(!window.document()->hasProject());
    importAndStore(window, QString::fromUtf8(LATHE_DATASETS_DIR) + QStringLiteral("/penguins.csv"));
    QVERIFY(window.document()->hasProject());
    QVERIFY(window.document()->isScratch());
    const QString scratch = window.document()->filePath();
    QVERIFY(QFileInfo::exists(scratch));

    const QString named = dir_.filePath("named.lathe");
    window.projects()->saveAsTo(named);
    QTRY_COMPARE_WITH_TIMEOUT(window.document()->filePath(), named, 20000);
    QVERIFY(!window.document()->isScratch());
    QCOMPARE(window.document()->datasets().size(), std::size_t{1});
    QCOMPARE(window.document()->info().name, std::string("named"));  // no longer "Untitled"
    // The scratch copy goes, with SQLite's side files, once nothing holds it.
    const QDir scratchFolder = QFileInfo(scratch).dir();
    QTRY_VERIFY_WITH_TIMEOUT(scratchFolder.entryList(QDir::Files | QDir::Hidden).isEmpty(), 10000);
    QVERIFY(!lathe::app::RecentProjects::paths().contains(scratch));
    QVERIFY(lathe::app::RecentProjects::paths().contains(named));
  }

  void clickingAColumnHeaderSortsTheDataOffTheGuiThread() {
    MainWindow window;
    window.show();
    importAndStore(window, QString::fromUtf8(LATHE_DATASETS_DIR) + QStringLiteral("/penguins.csv"));
    auto* view = window.docks().dataView;
    const int mass = 5;  // Body Mass (g)
    QCOMPARE(view->model()->headerData(mass, Qt::Horizontal).toString().section(QLatin1Char('\n'), 0, 0),
             QStringLiteral("Body Mass (g)"));
    emit view->sortRequested(mass, Qt::DescendingOrder);
    // pandas: df["Body Mass (g)"].max() == 6300.0, and the missing values go last.
    QTRY_COMPARE_WITH_TIMEOUT(view->model()->index(0, mass).data().toString(), QStringLiteral("6300"), 10000);
    QVERIFY(view->model()->index(343, mass).data(lathe::widgets::DataTableModel::MissingRole).toBool());
    QTRY_VERIFY_WITH_TIMEOUT(view->histogramHeader()->sketch(mass) != nullptr, 10000);
  }

  void aRecipeStepPreviewsInTheDataDockAndUndoShowsTheDatasetAgain() {
    MainWindow window;
    window.show();
    importAndStore(window, QString::fromUtf8(LATHE_DATASETS_DIR) + QStringLiteral("/penguins.csv"));
    const auto dataset = window.currentTable();
    QTRY_VERIFY_WITH_TIMEOUT(window.recipes()->sourceVersionId() > 0, 10000);
    window.recipes()->addStep("fill_missing", {{"columns", {"Body Mass (g)"}}, {"strategy", "mean"}});
    QVERIFY(window.currentTable() != dataset);  // the preview
    QVERIFY(window.docks().data->windowTitle().contains(QStringLiteral("preview")));
    QCOMPARE(window.currentTable()->column(5).missingCount(), std::size_t{0});
    window.document()->undoStack()->undo();
    QCOMPARE(window.currentTable(), dataset);  // the dataset itself, not a preview of nothing
    QVERIFY(!window.docks().data->windowTitle().contains(QStringLiteral("preview")));
  }

  void reopeningTheOpenProjectKeepsItWritable() {
    const QString path = makeProject("again.lathe", "Again");
    MainWindow window;
    QVERIFY(openAndWait(window, path));
    window.openFile(path);  // from Recent or File > Open a second time
    QTest::qWait(200);
    QVERIFY(!window.document()->readOnly());
    QCOMPARE(window.document()->filePath(), path);
  }

  void saveAsWaitsForAStoreInProgress() {
    const QString path = makeProject("busy.lathe", "Busy");
    MainWindow window;
    window.show();
    QVERIFY(openAndWait(window, path));
    std::vector<double> values(200000);
    for (std::size_t i = 0; i < values.size(); ++i) values[i] = static_cast<double>(i % 977);
    auto table = std::make_shared<const lathe::data::Table>(
        std::vector<std::shared_ptr<const lathe::data::Column>>{lathe::data::Column::float64("x", std::move(values))});
    lathe::data::ImportRequest request;
    request.path = dir_.filePath("numbers.csv").toStdString();
    window.projects()->storeImport(table, request);  // a store job is now queued or running
    const QString copy = dir_.filePath("copy.lathe");
    window.projects()->saveAsTo(copy);
    QMessageBox* box = visibleMessage(window);
    QVERIFY(box);
    QVERIFY2(box->text().contains(QStringLiteral("still storing")), qPrintable(box->text()));
    QVERIFY(!QFileInfo::exists(copy));
    box->close();
    QTRY_COMPARE_WITH_TIMEOUT(window.jobManager()->activeCount(), 0, 30000);
    window.projects()->saveAsTo(copy);
    QTRY_COMPARE_WITH_TIMEOUT(window.document()->filePath(), copy, 20000);
    QCOMPARE(window.document()->datasets().size(), std::size_t{1});
  }

  void aProjectOpenElsewhereOpensReadOnlyAndSaysSo() {
    const QString path = makeProject("shared.lathe", "Shared");
    auto elsewhere = store::Project::open(path.toStdString());  // holds the write lock
    MainWindow window;
    window.show();
    QVERIFY(openAndWait(window, path));
    QVERIFY(window.document()->readOnly());
    QVERIFY(window.windowTitle().contains(QStringLiteral("read-only")));
    QMessageBox* box = visibleMessage(window);
    QVERIFY(box);
    QVERIFY2(box->text().contains(QStringLiteral("another Lathe window")), qPrintable(box->text()));
    box->close();
  }

  void aForeignDatabaseIsRefusedByName() {
    const QString path = dir_.filePath("other.lathe");
    {
      store::Database db(path.toStdString(), {store::Database::Mode::Create, {}});
      db.execute("PRAGMA application_id = 42; CREATE TABLE t(x)");
    }
    MainWindow window;
    window.show();
    QSignalSpy failed(window.jobManager(), &JobManager::jobFailed);
    window.openFile(path);
    QVERIFY(failed.wait(10000));
    QMessageBox* box = visibleMessage(window);
    QVERIFY(box);
    QVERIFY2(box->text().contains(QStringLiteral("another application")), qPrintable(box->text()));
    QVERIFY(!window.document()->hasProject());
    box->close();
  }
};

QTEST_MAIN(tst_MainWindowProject)
#include "tst_MainWindowProject.moc"
