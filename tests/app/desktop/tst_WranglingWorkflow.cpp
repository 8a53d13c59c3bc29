// Data wrangling end to end in the studio window, driven like a user with QTest on the real
// widgets: import penguins.csv, build a recipe in the Recipe dock (Add step menu, the step's
// editors), watch the preview in the Data dock, undo and redo with the keyboard, apply it as a
// job to get version 2, then filter the Data table with a formula and pick a column for the
// Profile dock. The slots run in order on one window: each continues where the last one ended.
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDockWidget>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QTimer>
#include <QToolButton>
#include <QUndoStack>
#include <QtTest>
#include <functional>
#include <memory>

#include "IsolatedSettings.h"
#include "ModalCloser.h"
#include "app/desktop/ImportDialog.h"
#include "app/desktop/MainWindow.h"
#include "app/desktop/RecipeController.h"
#include "app/desktop/StudioDocks.h"
#include "app/document/ProjectDocument.h"
#include "widgets/panels/ColumnProfilePanel.h"
#include "widgets/panels/RecipePanel.h"
#include "widgets/table/DataFilterBar.h"
#include "widgets/table/DataTableModel.h"
#include "widgets/table/DataTableView.h"
#include "TestPaths.h"

using lathe::app::MainWindow;
using lathe::widgets::DataTableModel;
using lathe::widgets::RecipePanel;

namespace {

// From pandas, once (/usr/bin/python3, pd.read_csv("penguins.csv")), the same values
// tst_RecipeController checks: 344 rows; Body Mass (g) is missing in rows 4 and 340 (1-based),
// its mean is 4201.754385964912 and its median 4050.0; Island is Biscoe 168, Dream 124,
// Torgersen 52 times; Species == "Adelie" holds for 152 rows.
constexpr int kRows = 344;
constexpr int kAdelieRows = 152;
constexpr double kMeanBodyMass = 4201.754385964912;
constexpr double kMedianBodyMass = 4050.0;
constexpr int kMissingRows[] = {3, 339};  // 0-based
const QString kBodyMass = QStringLiteral("Body Mass (g)");
const QString kFlipper = QStringLiteral("Flipper Length (mm)");
const QStringList kIslandColumns = {QStringLiteral("Island=Biscoe"), QStringLiteral("Island=Dream"),
                                    QStringLiteral("Island=Torgersen")};
constexpr int kWait = 30000;

// The header shows "name\ntype"; the names, in order.
QStringList columnNames(const DataTableModel& model) {
  QStringList names;
  for (int c = 0; c < model.columnCount(); ++c)
    names << model.headerData(c, Qt::Horizontal, Qt::DisplayRole).toString().section(QLatin1Char('\n'), 0, 0);
  return names;
}

int columnIndex(const DataTableModel& model, const QString& name) { return columnNames(model).indexOf(name); }

QString cellText(const DataTableModel& model, int row, int column) {
  return model.data(model.index(row, column), Qt::DisplayRole).toString();
}

int missingCells(const DataTableModel& model, int column) {
  int missing = 0;
  for (int row = 0; row < model.rowCount(); ++row)
    missing += model.data(model.index(row, column), DataTableModel::MissingRole).toBool() ? 1 : 0;
  return missing;
}

int cellsEqualTo(const DataTableModel& model, int column, const QString& text) {
  int count = 0;
  for (int row = 0; row < model.rowCount(); ++row) count += cellText(model, row, column) == text ? 1 : 0;
  return count;
}

// The visible widget named `name` under `parent`, waiting for it to show: a rebuilt form leaves
// its old editors hidden until they are deleted, and its new ones show from the event loop.
template <typename W>
W* visibleChild(const QWidget* parent, const QString& name) {
  W* found = nullptr;
  (void)QTest::qWaitFor(
      [&] {
        for (W* w : parent->findChildren<W*>(name))
          if (w->isVisible()) found = w;
        return found != nullptr;
      },
      kWait);
  return found;
}

// Runs `step` on the GUI thread every 20 ms (also inside a menu's own event loop) until it
// returns true, at most `tries` times.
void pollUntil(const std::function<bool()>& step, int tries = 500) {
  auto* timer = new QTimer;
  timer->setInterval(20);
  auto left = std::make_shared<int>(tries);
  QObject::connect(timer, &QTimer::timeout, timer, [timer, step, left] {
    if (step() || --*left <= 0) timer->deleteLater();
  });
  timer->start();
}

}  // namespace

class tst_WranglingWorkflow : public QObject {
  Q_OBJECT
  IsolatedSettings settings_;
  std::unique_ptr<MainWindow> window_;
  std::unique_ptr<ModalCloser> closer_;

  const lathe::app::StudioDocks& docks() const { return window_->docks(); }
  RecipePanel* panel() const { return docks().recipePanel; }
  const DataTableModel& table() const { return *docks().dataView->dataModel(); }
  QString dataTitle() const { return docks().data->windowTitle(); }
  QUndoStack* undoStack() const { return window_->document()->undoStack(); }
  QWidget* form() const { return panel()->findChild<QWidget*>(QStringLiteral("stepParameters")); }

  QAction* windowAction(const QKeySequence& shortcut) const {
    for (QAction* action : window_->findChildren<QAction*>())
      if (action->shortcut() == shortcut) return action;
    return nullptr;
  }

  // Click "Add step", then in the menu that opens: arrow down to the group holding `kind`, Right
  // to open it, and click the entry. Returns why it could not, or an empty string.
  QString addStepFromMenu(const QString& kind) {
    auto* button = panel()->findChild<QToolButton*>(QStringLiteral("addStepButton"));
    auto* menu = panel()->findChild<QMenu*>(QStringLiteral("addStepMenu"));
    if (!button || !menu) return QStringLiteral("no addStepButton or addStepMenu");
    QAction* entry = menu->findChild<QAction*>(kind);
    auto* group = entry ? qobject_cast<QMenu*>(entry->parent()) : nullptr;
    if (!group) return QStringLiteral("no action named %1 in a submenu of the Add step menu").arg(kind);
    auto outcome = std::make_shared<QString>(QStringLiteral("the Add step menu never opened"));
    auto done = std::make_shared<bool>(false);
    pollUntil([menu, group, entry, outcome, done] {
      if (!menu->isVisible()) return false;
      for (int i = 0; i < 40 && menu->activeAction() != group->menuAction(); ++i) QTest::keyClick(menu, Qt::Key_Down);
      if (menu->activeAction() != group->menuAction()) {
        *outcome = QStringLiteral("arrow keys never reached the group “%1”").arg(group->title());
      } else {
        QTest::keyClick(menu, Qt::Key_Right);
        if (!group->isVisible()) {
          *outcome = QStringLiteral("Right did not open the group “%1”").arg(group->title());
        } else {
          QTest::mouseClick(group, Qt::LeftButton, {}, group->actionGeometry(entry).center());
          *outcome = menu->isVisible() ? QStringLiteral("the menu stayed open after the click") : QString();
        }
      }
      if (menu->isVisible()) menu->close();  // never leave a popup grabbing the test
      *done = true;
      return true;
    });
    QTest::mouseClick(button, Qt::LeftButton);  // opens the menu (its own event loop runs the poll)
    if (!QTest::qWaitFor([done] { return *done; }, kWait)) return QStringLiteral("timed out in the menu");
    return *outcome;
  }

  // In the visible Columns editor of the step form: select the row named `name` with a click,
  // then Space toggles its check box (what a keyboard user does; a click on the text selects).
  QString toggleColumn(const QString& name) {
    auto* list = visibleChild<QListWidget>(form(), QStringLiteral("columns"));
    if (!list) return QStringLiteral("no visible Columns editor in the step form");
    const auto found = list->findItems(name, Qt::MatchExactly);
    if (found.size() != 1) return QStringLiteral("the Columns editor has no row “%1”").arg(name);
    list->scrollToItem(found.front());
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, list->visualItemRect(found.front()).center());
    if (list->currentItem() != found.front()) return QStringLiteral("the click did not select “%1”").arg(name);
    QTest::keyClick(list, Qt::Key_Space);
    return {};
  }

  // Checks `name` first (a step must keep a column: unchecking the last one is refused), then
  // unchecks every other column the new step came with (the table's first, as it stands).
  QString chooseOnlyColumn(const QString& name) {
    if (!checkedColumns().contains(name))
      if (QString why = toggleColumn(name); !why.isEmpty()) return why;
    if (!checkedColumns().contains(name)) return QStringLiteral("Space did not check “%1”").arg(name);
    for (const QString& other : checkedColumns())
      if (other != name)
        if (QString why = toggleColumn(other); !why.isEmpty()) return why;
    return {};
  }

  QStringList checkedColumns() const {
    QStringList names;
    if (auto* list = visibleChild<QListWidget>(form(), QStringLiteral("columns")))
      for (int i = 0; i < list->count(); ++i)
        if (list->item(i)->checkState() == Qt::Checked) names << list->item(i)->text();
    return names;
  }

  // Replaces the filter line's text with `formula`, typed, then Enter.
  void typeFilter(const QString& formula) {
    auto* edit = docks().dataFilter->findChild<QLineEdit*>(QStringLiteral("filterEdit"));
    QVERIFY(edit && edit->isVisible());
    QTest::mouseClick(edit, Qt::LeftButton);
    QTest::keyClick(edit, Qt::Key_A, Qt::ControlModifier);  // select what is there, so typing replaces it
    QTest::keyClicks(edit, formula);
    QCOMPARE(edit->text(), formula);
    QTest::keyClick(edit, Qt::Key_Return);
  }

  QString filterStatus() const {
    auto* status = docks().dataFilter->findChild<QLabel*>(QStringLiteral("filterStatus"));
    return status ? status->text() : QStringLiteral("<no filterStatus label>");
  }

 private slots:
  void initTestCase() {
    window_ = std::make_unique<MainWindow>();
    window_->show();
    QVERIFY(QTest::qWaitForWindowExposed(window_.get()));
    window_->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(window_.get()));
  }

  void cleanupTestCase() {
    if (closer_) QVERIFY2(closer_->closed.isEmpty(), qPrintable(closer_->closed.join(QStringLiteral(", "))));
    closer_.reset();
    window_.reset();
  }

  // 1. File › Open on a CSV: the import dialog previews it, Import runs the job, the Data dock
  // shows the rows and the Recipe dock opens on the stored version.
  void importsPenguinsThroughTheDialog() {
    window_->openFile(QString::fromUtf8(LATHE_DATASETS_DIR) + QStringLiteral("/penguins.csv"));
    auto* dialog = window_->findChild<lathe::app::ImportDialog*>();
    QVERIFY(dialog);
    QTRY_VERIFY_WITH_TIMEOUT(dialog->preview() || !dialog->previewError().isEmpty(), kWait);
    QVERIFY2(dialog->preview(), qPrintable(dialog->previewError()));
    auto* buttons = dialog->findChild<QDialogButtonBox*>();
    QVERIFY(buttons && buttons->button(QDialogButtonBox::Ok));
    QTest::mouseClick(buttons->button(QDialogButtonBox::Ok), Qt::LeftButton);
    // From here on, any dialog that opens is an error box: closed and reported at the end.
    closer_ = std::make_unique<ModalCloser>();
    QTRY_VERIFY_WITH_TIMEOUT(window_->currentTable() != nullptr, kWait);
    QTRY_COMPARE_WITH_TIMEOUT(table().rowCount(), kRows, kWait);
    QCOMPARE(missingCells(table(), columnIndex(table(), kBodyMass)), 2);
    // Stored in the scratch project: the Recipe dock shows its panel for that version.
    QTRY_VERIFY_WITH_TIMEOUT(window_->recipes()->sourceVersionId() > 0, kWait);
    QVERIFY(window_->document()->hasProject());
    docks().recipe->raise();  // the user clicks the Recipe tab
    QTRY_VERIFY_WITH_TIMEOUT(panel()->isVisible(), kWait);
    QCOMPARE(panel()->stepCount(), 0);
  }

  // 2. Add step › Missing values › Fill missing values, then pick Body Mass (g) in its Columns
  // list and the strategy in its combo box: the Data dock shows the preview, gaps filled.
  void fillMissingPreviewsInTheDataDock() {
    QVERIFY2(panel()->isVisible(), "needs the import of the slot before");
    QCOMPARE(addStepFromMenu(QStringLiteral("fill_missing")), QString());
    QCOMPARE(panel()->stepCount(), 1);
    QCOMPARE(panel()->currentIndex(), 0);
    QCOMPARE(chooseOnlyColumn(kBodyMass), QString());
    QCOMPARE(checkedColumns(), QStringList{kBodyMass});
    QVERIFY2(panel()->previewStatus().startsWith(QStringLiteral("Preview: first")), qPrintable(panel()->previewStatus()));
    QVERIFY2(dataTitle().contains(QStringLiteral("preview")), qPrintable(dataTitle()));

    // Fill with: Down picks median, Up goes back to mean; the preview follows each choice.
    auto* strategy = visibleChild<QComboBox>(form(), QStringLiteral("strategy"));
    QVERIFY(strategy);
    QCOMPARE(strategy->currentData().toString(), QStringLiteral("mean"));
    strategy->setFocus();
    QTest::keyClick(strategy, Qt::Key_Down);
    QCOMPARE(strategy->currentData().toString(), QStringLiteral("median"));
    int mass = columnIndex(table(), kBodyMass);
    QVERIFY(mass >= 0);
    QCOMPARE(cellText(table(), kMissingRows[0], mass).toDouble(), kMedianBodyMass);
    QTest::keyClick(strategy, Qt::Key_Up);
    QCOMPARE(strategy->currentData().toString(), QStringLiteral("mean"));

    mass = columnIndex(table(), kBodyMass);
    QCOMPARE(table().rowCount(), kRows);  // penguins is smaller than the preview's 1,000 rows
    QCOMPARE(missingCells(table(), mass), 0);
    for (int row : kMissingRows) QCOMPARE(cellText(table(), row, mass).toDouble(), kMeanBodyMass);
    QCOMPARE(cellText(table(), 0, mass), QStringLiteral("3750"));
    QVERIFY(columnNames(table()).contains(QStringLiteral("Island")));
    QCOMPARE(panel()->stepCount(), 1);
  }

  // 3. Add step › Encoding and scaling › One-hot encoding on Island: one true/false column per
  // island in the preview, and no Island column.
  void oneHotOnIslandPreviews() {
    QCOMPARE(addStepFromMenu(QStringLiteral("one_hot")), QString());
    QCOMPARE(panel()->stepCount(), 2);
    QCOMPARE(panel()->currentIndex(), 1);
    QCOMPARE(chooseOnlyColumn(QStringLiteral("Island")), QString());
    QCOMPARE(checkedColumns(), QStringList{QStringLiteral("Island")});

    const QStringList names = columnNames(table());
    QVERIFY2(!names.contains(QStringLiteral("Island")), qPrintable(names.join(QStringLiteral(", "))));
    for (const QString& island : kIslandColumns) QVERIFY2(names.contains(island), qPrintable(island));
    QVERIFY(names.contains(QStringLiteral("Species")));  // unchecked: not encoded
    QCOMPARE(table().rowCount(), kRows);
    QCOMPARE(cellsEqualTo(table(), columnIndex(table(), QStringLiteral("Island=Torgersen")), QStringLiteral("true")), 52);
    QCOMPARE(missingCells(table(), columnIndex(table(), kBodyMass)), 0);  // the fill still applies
  }

  // 4. Ctrl+Z until the one-hot step is gone (Island is back in the preview), then the Redo
  // shortcut until nothing is left to redo (the encoding is back).
  void undoAndRedoWithTheKeyboard() {
    QCOMPARE(panel()->stepCount(), 2);
    QAction* undo = windowAction(QKeySequence(QKeySequence::Undo));
    QAction* redo = windowAction(QKeySequence(QKeySequence::Redo));
    QVERIFY(undo && redo);
    QVERIFY(editMenuHas(undo) && editMenuHas(redo));
    // Shortcuts go to the active window. The offscreen platform leaves the closed Add step menu
    // active (a real window manager gives the window back), so the user clicks into the window.
    window_->activateWindow();
    QTRY_COMPARE_WITH_TIMEOUT(QApplication::activeWindow(), static_cast<QWidget*>(window_.get()), kWait);

    // The one-hot step is an add and two edits of its columns.
    for (int i = 0; i < 10 && panel()->stepCount() > 1; ++i) QTest::keySequence(window_.get(), undo->shortcut());
    QCOMPARE(panel()->stepCount(), 1);
    QVERIFY2(panel()->stepText(0).contains(QStringLiteral("Fill missing values")), qPrintable(panel()->stepText(0)));
    QVERIFY(undoStack()->canRedo());
    {
      const QStringList names = columnNames(table());
      QVERIFY2(names.contains(QStringLiteral("Island")), qPrintable(names.join(QStringLiteral(", "))));
      for (const QString& island : kIslandColumns) QVERIFY(!names.contains(island));
      QCOMPARE(missingCells(table(), columnIndex(table(), kBodyMass)), 0);  // the fill is still there
    }

    for (int i = 0; i < 10 && undoStack()->canRedo(); ++i) QTest::keySequence(window_.get(), redo->shortcut());
    QVERIFY(!undoStack()->canRedo());
    QCOMPARE(panel()->stepCount(), 2);
    QVERIFY2(panel()->stepText(1).contains(QStringLiteral("Island")), qPrintable(panel()->stepText(1)));
    const QStringList names = columnNames(table());
    QVERIFY2(!names.contains(QStringLiteral("Island")), qPrintable(names.join(QStringLiteral(", "))));
    for (const QString& island : kIslandColumns) QVERIFY2(names.contains(island), qPrintable(island));
  }

  // 5. Apply runs the recipe on every row as a job; the Data dock then shows version 2.
  void applyStoresAndShowsVersionTwo() {
    QCOMPARE(panel()->stepCount(), 2);
    auto* apply = panel()->findChild<QPushButton*>(QStringLiteral("applyRecipeButton"));
    QVERIFY(apply && apply->isVisible());
    QVERIFY(apply->isEnabled());
    QTest::mouseClick(apply, Qt::LeftButton);
    QVERIFY(window_->recipes()->isApplying());
    QTRY_VERIFY_WITH_TIMEOUT(dataTitle() == QStringLiteral("Data: penguins v2"), kWait);
    QTRY_VERIFY_WITH_TIMEOUT(!window_->recipes()->isApplying(), kWait);
    // A new version starts a new recipe; the Data dock keeps the version, not a preview.
    QTRY_COMPARE_WITH_TIMEOUT(panel()->stepCount(), 0, kWait);
    QCOMPARE(dataTitle(), QStringLiteral("Data: penguins v2"));

    QCOMPARE(table().rowCount(), kRows);
    const QStringList names = columnNames(table());
    QVERIFY2(!names.contains(QStringLiteral("Island")), qPrintable(names.join(QStringLiteral(", "))));
    for (const QString& island : kIslandColumns) QVERIFY2(names.contains(island), qPrintable(island));
    QCOMPARE(cellsEqualTo(table(), columnIndex(table(), QStringLiteral("Island=Biscoe")), QStringLiteral("true")), 168);
    QCOMPARE(cellsEqualTo(table(), columnIndex(table(), QStringLiteral("Island=Dream")), QStringLiteral("true")), 124);
    QCOMPARE(cellsEqualTo(table(), columnIndex(table(), QStringLiteral("Island=Torgersen")), QStringLiteral("true")), 52);
    const int mass = columnIndex(table(), kBodyMass);
    QVERIFY(mass >= 0);
    QCOMPARE(missingCells(table(), mass), 0);
    for (int row : kMissingRows) {
      QCOMPARE(table().headerData(row, Qt::Vertical, Qt::DisplayRole).toString(), QString::number(row + 1));
      QCOMPARE(cellText(table(), row, mass).toDouble(), kMeanBodyMass);
    }
  }

  // 6a. A formula in the filter bar: Enter filters, a bad formula says what is wrong, Esc shows
  // every row again.
  void filterBarFiltersAndExplains() {
    QVERIFY2(dataTitle() == QStringLiteral("Data: penguins v2"), "needs the apply of the slot before");
    docks().data->raise();
    typeFilter(QStringLiteral("Species == \"Adelie\""));
    if (QTest::currentTestFailed()) return;
    QTRY_COMPARE_WITH_TIMEOUT(filterStatus(), QStringLiteral("152 of 344 rows"), kWait);
    QCOMPARE(table().rowCount(), kAdelieRows);
    QCOMPARE(cellsEqualTo(table(), columnIndex(table(), QStringLiteral("Species")), QStringLiteral("Adelie")),
             kAdelieRows);

    // BAD_INPUTS 34: an unknown column is named, with where it is; the rows stay as they were.
    typeFilter(QStringLiteral("[Wing] > 2"));
    if (QTest::currentTestFailed()) return;
    QTRY_VERIFY2_WITH_TIMEOUT(filterStatus().contains(QStringLiteral("Wing")), qPrintable(filterStatus()), kWait);
    QCOMPARE(table().rowCount(), kAdelieRows);
    // A formula that does not parse: the position of the problem.
    typeFilter(QStringLiteral("[Body Mass (g)] > > 3"));
    if (QTest::currentTestFailed()) return;
    QTRY_VERIFY2_WITH_TIMEOUT(filterStatus().startsWith(QStringLiteral("At character")), qPrintable(filterStatus()),
                              kWait);
    QCOMPARE(table().rowCount(), kAdelieRows);

    auto* edit = docks().dataFilter->findChild<QLineEdit*>(QStringLiteral("filterEdit"));
    QVERIFY(edit);
    QTest::keyClick(edit, Qt::Key_Escape);
    QCOMPARE(edit->text(), QString());
    QTRY_COMPARE_WITH_TIMEOUT(table().rowCount(), kRows, kWait);
    QCOMPARE(filterStatus(), QString());
    QVERIFY(window_->isVisible());
  }

  // 6b. A click on a cell of Flipper Length (mm): the Profile dock shows that column.
  void profileFollowsTheSelectedCell() {
    auto* view = docks().dataView;
    docks().data->raise();
    QVERIFY(view->isVisible());
    const int flipper = columnIndex(table(), kFlipper);
    QVERIFY(flipper >= 0);
    const QModelIndex cell = table().index(0, flipper);
    view->scrollTo(cell);
    const QRect rect = view->visualRect(cell);
    QVERIFY(view->viewport()->rect().contains(rect.center()));
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, rect.center());
    QCOMPARE(view->currentIndex().column(), flipper);
    QCOMPARE(docks().profilePanel->selectedColumn(), flipper);
  }

 private:
  bool editMenuHas(QAction* action) const {
    for (QMenu* menu : window_->findChildren<QMenu*>())
      if (menu->actions().contains(action)) return true;
    return false;
  }
};

QTEST_MAIN(tst_WranglingWorkflow)
#include "tst_WranglingWorkflow.moc"
