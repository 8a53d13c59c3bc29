// Window geometry and the dock layout persist with QSettings; a stale or damaged saved layout is
// ignored and the default layout is used.
#include <QDockWidget>
#include <QtTest>

#include "IsolatedSettings.h"
#include "app/desktop/MainWindow.h"
#include "app/desktop/StudioDocks.h"

using lathe::app::MainWindow;

class tst_MainWindowLayout : public QObject {
  Q_OBJECT
  IsolatedSettings settings_;

 private slots:
  void init() { QSettings().clear(); }

  void layoutSurvivesARestart() {
    {
      MainWindow window;
      window.show();
      QVERIFY(QTest::qWaitForWindowExposed(&window));
      window.docks().charts->hide();
      window.docks().recipe->setFloating(true);
      window.resize(1280, 777);  // a laptop screen; the docks need about 1,120 px side by side
      window.close();
    }
    MainWindow again;
    again.show();
    QVERIFY(QTest::qWaitForWindowExposed(&again));
    QVERIFY(!again.docks().charts->isVisible());
    QVERIFY(again.docks().recipe->isFloating());
    QVERIFY(again.docks().data->isVisible());
    QCOMPARE(again.size(), QSize(1280, 777));
  }

  void damagedSavedLayoutIsIgnored_data() {
    QTest::addColumn<QVariant>("geometry");
    QTest::addColumn<QVariant>("state");
    QTest::newRow("random bytes") << QVariant(QByteArray("\x01\x02\xff\xfe garbage", 13))
                                  << QVariant(QByteArray("\x00\x00\x00\xff\x00\x00", 6));
    QTest::newRow("wrong types") << QVariant(42) << QVariant(QStringList{"a", "b"});
    QTest::newRow("truncated real state") << QVariant(QByteArray()) << QVariant(QByteArray("\x00\x00\x00\xff", 4));
  }
  void damagedSavedLayoutIsIgnored() {
    QFETCH(QVariant, geometry);
    QFETCH(QVariant, state);
    QSettings().setValue("window/geometry", geometry);
    QSettings().setValue("window/state", state);
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    for (QDockWidget* dock : {window.docks().project, window.docks().data, window.docks().recipe})
      QVERIFY2(dock->isVisible() && !dock->isFloating(), qPrintable(dock->objectName()));
    QVERIFY(window.width() >= 600 && window.height() >= 400);
  }

  void layoutFromAnOlderVersionIsIgnored() {
    {
      MainWindow window;
      window.show();
      QVERIFY(QTest::qWaitForWindowExposed(&window));
      window.docks().data->hide();
      // What an older Lathe would have written: the same bytes under another layout version.
      QSettings().setValue("window/state", window.saveState(MainWindow::kLayoutVersion - 1));
    }
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(window.docks().data->isVisible());
  }

  void resetLayoutBringsBackEveryDock() {
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    for (QDockWidget* dock : window.docks().all()) dock->hide();
    QAction* reset = nullptr;
    for (QAction* a : window.findChildren<QAction*>())
      if (a->text() == QStringLiteral("&Reset Layout")) reset = a;
    QVERIFY(reset);
    reset->trigger();
    for (QDockWidget* dock : {window.docks().project, window.docks().data, window.docks().recipe})
      QVERIFY2(dock->isVisible(), qPrintable(dock->objectName()));
  }
};

QTEST_MAIN(tst_MainWindowLayout)
#include "tst_MainWindowLayout.moc"
