// Files opened or dropped onto the window reach the right opener, and a file Lathe cannot use
// gets a message that names it.
#include <QMessageBox>
#include <QSignalSpy>
#include <QMimeData>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QtTest>

#include "TestFiles.h"

#include "IsolatedSettings.h"
#include "app/desktop/MainWindow.h"
#include "app/desktop/ImportDialog.h"
#include "app/desktop/RecentProjects.h"
#include "app/desktop/StudioDocks.h"
#include "app/jobs/JobManager.h"
#include "widgets/table/DataTableView.h"
#include "TestPaths.h"

using lathe::app::MainWindow;

class tst_MainWindowFiles : public QObject {
  Q_OBJECT
  IsolatedSettings settings_;
  QTemporaryDir dir_;

  QString write(const QString& name, const QByteArray& bytes) { return writeTestFile(dir_, name, bytes); }

  static QMessageBox* visibleMessage(const MainWindow& window) {
    for (auto* box : window.findChildren<QMessageBox*>())
      if (box->isVisible()) return box;
    return nullptr;
  }

  static void drop(MainWindow& window, const QString& path) {
    QMimeData mime;
    mime.setUrls({QUrl::fromLocalFile(path)});
    QDragEnterEvent enter(QPoint(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(&window, &enter);
    QVERIFY(enter.isAccepted());
    QDropEvent dropEvent(QPointF(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(&window, &dropEvent);
  }

 private slots:
  void droppedBinaryFileIsRefusedByName() {
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    drop(window, write("report.xlsx", "PK\x03\x04zipped"));
    QMessageBox* box = visibleMessage(window);
    QVERIFY(box);
    QVERIFY2(box->text().contains(QStringLiteral("report.xlsx")), qPrintable(box->text()));
    box->close();
  }

  void droppedDataFileIsPreviewedThenImportedAsAJob() {
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    drop(window, QString::fromUtf8(LATHE_DATASETS_DIR) + QStringLiteral("/iris.arff"));
    QVERIFY(!visibleMessage(window));
    auto* dialog = window.findChild<lathe::app::ImportDialog*>();
    QVERIFY(dialog);
    QTRY_VERIFY_WITH_TIMEOUT(dialog->preview() || !dialog->previewError().isEmpty(), 20000);
    QVERIFY2(dialog->preview(), qPrintable(dialog->previewError()));
    QSignalSpy finished(window.jobManager(), &lathe::app::JobManager::jobFinished);
    dialog->accept();
    QVERIFY(finished.wait(20000));
    QVERIFY(window.currentTable());
    QCOMPARE(window.currentTable()->rowCount(), size_t(150));
    QCOMPARE(window.docks().dataView->model()->rowCount(), 150);
    QVERIFY(window.docks().dataView->isVisible());
    QVERIFY2(window.statusBar()->currentMessage().contains(QStringLiteral("150")),
             qPrintable(window.statusBar()->currentMessage()));
  }

  void importedDataExportsAsCsvForExcel() {
    MainWindow window;
    window.show();
    QSignalSpy finished(window.jobManager(), &lathe::app::JobManager::jobFinished);
    window.openFile(QString::fromUtf8(LATHE_DATASETS_DIR) + QStringLiteral("/penguins.csv"));
    auto* dialog = window.findChild<lathe::app::ImportDialog*>();
    QVERIFY(dialog);
    dialog->accept();
    QVERIFY(finished.wait(20000));
    QAction* exportAction = nullptr;
    for (QAction* a : window.findChildren<QAction*>())
      if (a->text() == QStringLiteral("&Export Data as CSV…")) exportAction = a;
    QVERIFY(exportAction && exportAction->isEnabled());

    // The action's dialog only picks the path and the flavour; exportData does the work.
    const QString target = dir_.filePath(QStringLiteral("penguins-out.csv"));
    window.exportData(target, /*forExcel=*/true);
    QVERIFY(finished.wait(20000));
    QFile written(target);
    QVERIFY(written.open(QIODevice::ReadOnly));
    const QByteArray bytes = written.readAll();
    QVERIFY(bytes.startsWith("\xEF\xBB\xBFSpecies,Island,"));
    QCOMPARE(bytes.count('\n'), 345);  // header and 344 rows
  }

  void aFailedImportSaysWhereTheProblemIs() {
    MainWindow window;
    window.show();
    const QString path = write("broken.csv", "a,b\n1,2\n3,\"never closed\n4,5\n");
    QSignalSpy failed(window.jobManager(), &lathe::app::JobManager::jobFailed);
    window.openFile(path);
    auto* dialog = window.findChild<lathe::app::ImportDialog*>();
    QVERIFY(dialog);
    dialog->accept();
    QVERIFY(failed.wait(20000));
    QMessageBox* box = visibleMessage(window);
    QVERIFY(box);
    QVERIFY2(box->text().contains(QStringLiteral("broken.csv:3")), qPrintable(box->text()));
    QVERIFY(!window.currentTable());
    box->close();
  }

  void missingFileIsNamed() {
    MainWindow window;
    window.openFile(dir_.filePath("gone.lathe"));
    QMessageBox* box = visibleMessage(window);
    QVERIFY(box);
    QVERIFY(box->text().contains(QStringLiteral("gone.lathe")));
    box->close();
  }

  void nonLocalDropsAreNotAccepted() {
    MainWindow window;
    QMimeData mime;
    mime.setUrls({QUrl(QStringLiteral("https://example.org/data.csv"))});
    QDragEnterEvent enter(QPoint(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    enter.setAccepted(false);
    QApplication::sendEvent(&window, &enter);
    QVERIFY(!enter.isAccepted());
  }

  void projectFilesReachTheProjectOpener() {
    MainWindow window;
    QSignalSpy failed(window.jobManager(), &lathe::app::JobManager::jobFailed);
    // A header and nothing else: the project opener reads it and refuses it by name.
    const QString project = write("churn.lathe", QByteArray("SQLite format 3\0", 16));
    window.openFile(project);
    QVERIFY(failed.wait(10000));
    QMessageBox* box = visibleMessage(window);
    QVERIFY(box);
    QVERIFY2(box->text().contains(QStringLiteral("churn.lathe")), qPrintable(box->text()));
    QVERIFY(!lathe::app::RecentProjects::paths().contains(project));  // only projects that opened are listed
    box->close();
  }
};

QTEST_MAIN(tst_MainWindowFiles)
#include "tst_MainWindowFiles.moc"
