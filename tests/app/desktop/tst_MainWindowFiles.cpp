// Files opened or dropped onto the window reach the right opener, and a file Lathe cannot use
// gets a message that names it.
#include <QMessageBox>
#include <QMimeData>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QtTest>

#include "IsolatedSettings.h"
#include "app/desktop/MainWindow.h"
#include "app/desktop/RecentProjects.h"

using lathe::app::MainWindow;

class tst_MainWindowFiles : public QObject {
  Q_OBJECT
  IsolatedSettings settings_;
  QTemporaryDir dir_;

  QString write(const QString& name, const QByteArray& bytes) {
    QFile file(dir_.filePath(name));
    if (!file.open(QIODevice::WriteOnly)) qFatal("cannot write");
    file.write(bytes);
    return file.fileName();
  }

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

  void droppedDataFileGoesToTheImporter() {
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    drop(window, QStringLiteral(LATHE_DATASETS_DIR "/iris.arff"));
    QVERIFY(!visibleMessage(window));
    QVERIFY2(window.statusBar()->currentMessage().contains(QStringLiteral("iris.arff")),
             qPrintable(window.statusBar()->currentMessage()));
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

  void projectFilesReachTheProjectOpenerAndTheRecentList() {
    MainWindow window;
    const QString project = write("churn.lathe", QByteArray("SQLite format 3\0", 16));
    window.openFile(project);
    QCOMPARE(lathe::app::RecentProjects::paths().value(0), project);
    if (QMessageBox* box = visibleMessage(window)) box->close();
  }
};

QTEST_MAIN(tst_MainWindowFiles)
#include "tst_MainWindowFiles.moc"
