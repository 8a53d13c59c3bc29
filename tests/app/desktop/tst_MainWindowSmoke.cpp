// The real MainWindow, offscreen: every dock shows, every menu action that needs no file can be
// triggered, and the window closes cleanly.
#include <QDockWidget>
#include <QMenuBar>
#include <QStatusBar>
#include <QToolBar>
#include <QTemporaryDir>
#include <QUndoStack>
#include <QtTest>

#include "IsolatedSettings.h"
#include "ModalCloser.h"
#include "app/desktop/MainWindow.h"
#include "app/desktop/StudioDocks.h"
#include "app/desktop/UiLanguage.h"
#include "app/document/ProjectDocument.h"
#include "engine/store/Project.h"
#include "widgets/panels/EmptyStatePanel.h"

using lathe::app::MainWindow;

namespace {
void collect(QMenu* menu, QList<QAction*>& out) {
  for (QAction* action : menu->actions()) {
    if (action->menu()) collect(action->menu(), out);
    else if (!action->isSeparator()) out << action;
  }
}
}  // namespace

class tst_MainWindowSmoke : public QObject {
  Q_OBJECT
  IsolatedSettings settings_;

 private slots:
  void everyDockShowsAnEmptyStateThatSaysWhatToDo() {
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    const auto docks = window.docks().all();
    QCOMPARE(docks.size(), 16);
    QStringList titles;
    for (QDockWidget* dock : docks) {
      dock->show();
      dock->raise();
      QVERIFY2(dock->isVisible(), qPrintable(dock->windowTitle()));
      titles << dock->windowTitle();
      auto* empty = dock->findChild<lathe::widgets::EmptyStatePanel*>();
      QVERIFY2(empty, qPrintable(dock->windowTitle()));
      QVERIFY2(empty->text().size() > 40, qPrintable(dock->windowTitle()));
    }
    for (const char* required :
         {"Data", "Recipe", "Profile", "Insights", "Training", "Experiments", "Tuning", "Comparison", "Models", "Charts"})
      QVERIFY2(titles.contains(QLatin1String(required)), required);
    QVERIFY(window.windowTitle().endsWith(QStringLiteral("Lathe Studio")));
    QVERIFY(window.statusBar()->isVisible());
    QVERIFY(window.findChild<QToolBar*>());
  }

  void viewMenuHidesAndShowsEveryDock() {
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    for (QDockWidget* dock : window.docks().all()) {
      QAction* toggle = dock->toggleViewAction();
      dock->show();
      toggle->trigger();
      QVERIFY(!dock->isVisible());
      toggle->trigger();
      QVERIFY(dock->isVisible());
    }
  }

  void everyMenuActionThatNeedsNoFileRuns() {
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    ModalCloser closer;
    QList<QAction*> actions;
    for (QAction* top : window.menuBar()->actions()) collect(top->menu(), actions);
    QVERIFY(actions.size() >= 20);

    QAction* quit = nullptr;
    QList<QAction*> triggered;
    for (QAction* action : actions) {
      if (action->menuRole() == QAction::QuitRole) {
        quit = action;
        continue;
      }
      if (!action->isEnabled()) continue;  // Run needs a pipeline, Cancel a running job
      action->trigger();
      QTest::qWait(60);  // let a modal dialog appear and be closed
      triggered << action;
    }
    auto triggeredRole = [&](QAction::MenuRole role) {
      return std::any_of(triggered.begin(), triggered.end(), [role](QAction* a) { return a->menuRole() == role; });
    };
    QVERIFY(triggeredRole(QAction::AboutRole));
    QVERIFY(triggeredRole(QAction::AboutQtRole));
    // About Lathe Studio, About Qt, and the Open and Save As file dialogs.
    QVERIFY2(closer.closed.size() >= 4, qPrintable(closer.closed.join(QLatin1Char(','))));
    lathe::app::UiLanguage::install(*qApp, QStringLiteral("en"));  // the Language menu switched it

    QVERIFY(quit);
    quit->trigger();
    QTRY_VERIFY(!window.isVisible());
  }

  void closingTheProjectResetsTheDocumentAndItsHistory() {
    MainWindow window;
    QList<QAction*> actions;
    for (QAction* top : window.menuBar()->actions()) collect(top->menu(), actions);
    auto find = [&](const QString& text) {
      for (QAction* a : actions)
        if (a->text() == text) return a;
      return static_cast<QAction*>(nullptr);
    };
    QAction* undo = nullptr;
    for (QAction* a : actions)
      if (a->shortcut() == QKeySequence(QKeySequence::Undo)) undo = a;
    QVERIFY(undo);
    QVERIFY(!undo->isEnabled());
    QTemporaryDir dir;
    lathe::store::ProjectInfo info;
    info.name = "Churn";
    window.document()->setProject(lathe::store::Project::create(dir.filePath("churn.lathe").toStdString(), info));
    QVERIFY(window.windowTitle().startsWith(QStringLiteral("Churn")));
    window.document()->undoStack()->push(new QUndoCommand(QStringLiteral("Rename column")));
    QVERIFY(undo->isEnabled());
    QCOMPARE(undo->text(), QStringLiteral("Undo Rename column"));
    find(QStringLiteral("&Close Project"))->trigger();
    QVERIFY(!undo->isEnabled());
    QVERIFY(!window.document()->hasProject());
    QVERIFY(window.windowTitle().startsWith(QStringLiteral("Untitled")));
  }
};

QTEST_MAIN(tst_MainWindowSmoke)
#include "tst_MainWindowSmoke.moc"
