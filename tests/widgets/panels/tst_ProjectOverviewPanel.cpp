#include <QAction>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QToolButton>
#include <QTreeWidget>
#include <QtTest>

#include "widgets/panels/CostMatrixEditor.h"
#include "widgets/panels/EmptyStatePanel.h"
#include "widgets/panels/KpiEditor.h"
#include "widgets/panels/PlaceholderStack.h"
#include "widgets/panels/ProjectOverviewPanel.h"
#include "TestPaths.h"

using lathe::store::DatasetInfo;
using lathe::store::DatasetVersionInfo;
using lathe::store::ProjectInfo;
using lathe::widgets::ProjectOverview;
using lathe::widgets::ProjectOverviewPanel;

namespace {

const QString kDatasets = QString::fromUtf8(LATHE_DATASETS_DIR);
const std::string kRecipeHash = "3f9a2c71d0e4b5a6978877665544332211000ffeeddccbbaa99887766554433";

DatasetVersionInfo imported(std::int64_t id, std::int64_t datasetId, const QString& file, std::int64_t rows,
                            std::int64_t columns, const char* hash, std::int64_t bytes) {
  DatasetVersionInfo v;
  v.id = id;
  v.datasetId = datasetId;
  v.version = 1;
  v.origin.sourcePath = (kDatasets + QLatin1Char('/') + file).toStdString();
  v.contentHash = hash;
  v.rowCount = rows;
  v.columnCount = columns;
  v.storedBytes = bytes;
  v.createdAt = "2026-11-28T10:00:00Z";
  return v;
}

DatasetVersionInfo derived(std::int64_t id, std::int64_t datasetId, int version, std::int64_t parent, std::int64_t rows,
                           std::int64_t columns) {
  DatasetVersionInfo v;
  v.id = id;
  v.datasetId = datasetId;
  v.version = version;
  v.origin.parentVersionId = parent;
  v.origin.recipeId = 1;
  v.origin.recipeHash = kRecipeHash;
  v.contentHash = "c0ffee";
  v.rowCount = rows;
  v.columnCount = columns;
  v.storedBytes = 4096;
  return v;
}

// Two real datasets (shapes, SHA-256 and sizes of the files in /work/shared/datasets, by pandas
// and sha256sum): penguins.csv is 344 x 7 and dropping its rows with a missing value leaves 334;
// credit-g.arff is 1000 x 21. A third dataset is derived from credit-g.
ProjectOverview sample() {
  ProjectOverview o;
  o.info.name = "Penguins and credit";
  o.info.description = "Teaching project";
  o.info.goal = "Tell the species apart";
  o.info.kpi = {"f1_macro", true, 0.9};
  o.filePath = QStringLiteral("/home/kim/프로젝트/penguins.lathe");
  DatasetInfo penguins{10, "penguins", "2026-11-28T10:00:00Z", {}};
  penguins.versions.push_back(imported(100, 10, QStringLiteral("penguins.csv"), 344, 7,
                                       "a2506213956408d7892454dfd193ae1ed64ed80df944ea8d87ba3962f6392418", 15019));
  penguins.versions.push_back(derived(101, 10, 2, 100, 334, 7));
  DatasetInfo credit{20, "credit-g", "", {}};
  credit.versions.push_back(imported(200, 20, QStringLiteral("credit-g.arff"), 1000, 21,
                                     "bd94085134e4eb845c96b34c93ed65a223f89d089bacb273ef96f57509ce0bed", 162270));
  DatasetInfo sample{30, "신용 표본", "", {}};  // Korean names render and stay as they are
  sample.versions.push_back(derived(300, 30, 1, 200, 100, 21));
  o.datasets = {penguins, credit, sample};
  o.runCount = 5;
  o.modelCount = 1;
  return o;
}

template <typename T>
T* child(QWidget& panel, const char* name) {
  T* found = panel.findChild<T*>(QLatin1String(name));
  if (!found) qFatal("no child %s", name);
  return found;
}

}  // namespace

class tst_ProjectOverviewPanel : public QObject {
  Q_OBJECT

  static void showAndFocus(QWidget& panel) {
    panel.resize(420, 760);
    panel.show();
    QVERIFY(QTest::qWaitForWindowActive(&panel));
  }

 private slots:
  void showsDatasetsVersionsLineageAndCounts() {
    ProjectOverviewPanel panel;
    panel.setOverview(sample());
    auto* tree = child<QTreeWidget>(panel, "datasetTree");
    QVERIFY(child<lathe::widgets::PlaceholderStack>(panel, "datasetPane")->isShowingContent());
    QCOMPARE(tree->topLevelItemCount(), 3);
    QTreeWidgetItem* penguins = tree->topLevelItem(0);
    QCOMPARE(penguins->text(0), QStringLiteral("penguins"));
    QCOMPARE(penguins->childCount(), 2);
    QCOMPARE(penguins->text(1), QStringLiteral("334"));  // the latest version's shape
    const QTreeWidgetItem* v1 = penguins->child(0);
    const QTreeWidgetItem* v2 = penguins->child(1);
    QCOMPARE(v1->text(0), QStringLiteral("v1"));
    QCOMPARE(v1->text(1), QStringLiteral("344"));
    QCOMPARE(v1->text(2), QStringLiteral("7"));
    QCOMPARE(v1->text(3), QStringLiteral("penguins.csv"));
    QCOMPARE(v2->text(3), QStringLiteral("from v1 by recipe 3f9a2c71"));
    QVERIFY(v1->toolTip(3).contains(kDatasets + QStringLiteral("/penguins.csv")));
    QVERIFY(v1->toolTip(0).contains(QStringLiteral("a2506213956408d7892454dfd193ae1ed64ed80df944ea8d87ba3962f6392418")));
    QVERIFY(v1->toolTip(0).contains(QLocale().formattedDataSize(15019)));
    QVERIFY(v2->toolTip(0).contains(QString::fromStdString(kRecipeHash)));
    QCOMPARE(tree->topLevelItem(1)->child(0)->text(1), QLocale().toString(1000));
    QCOMPARE(tree->topLevelItem(1)->child(0)->text(3), QStringLiteral("credit-g.arff"));
    // Derived from another dataset: named with it.
    QCOMPARE(tree->topLevelItem(2)->text(0), QStringLiteral("신용 표본"));
    QCOMPARE(tree->topLevelItem(2)->child(0)->text(3), QStringLiteral("from credit-g v1 by recipe 3f9a2c71"));
    QCOMPARE(child<QLabel>(panel, "projectCounts")->text(), QStringLiteral("3 datasets · 5 runs · 1 models"));
    QCOMPARE(child<QLineEdit>(panel, "projectName")->text(), QStringLiteral("Penguins and credit"));
    QCOMPARE(child<QLineEdit>(panel, "projectFilePath")->text(), QStringLiteral("/home/kim/프로젝트/penguins.lathe"));
    QCOMPARE(child<QPlainTextEdit>(panel, "projectGoal")->toPlainText(), QStringLiteral("Tell the species apart"));
    QCOMPARE(child<lathe::widgets::KpiEditor>(panel, "kpiEditor")->kpi(), sample().info.kpi);
    QVERIFY(!child<QLabel>(panel, "readOnlyBanner")->isVisibleTo(&panel));
  }

  void emptyProjectSaysWhatToDo() {
    ProjectOverviewPanel panel;
    ProjectOverview o;
    o.info.name = "Empty";
    panel.setOverview(o);
    auto* pane = child<lathe::widgets::PlaceholderStack>(panel, "datasetPane");
    QVERIFY(!pane->isShowingContent());
    QVERIFY(pane->placeholder()->text().contains(QStringLiteral("File > Import Data (Ctrl+I)")));
    QCOMPARE(child<QLabel>(panel, "projectCounts")->text(), QStringLiteral("0 datasets · 0 runs · 0 models"));
    panel.setOverview(sample());
    QVERIFY(pane->isShowingContent());
  }

  void oddDataIsShownNotCrashedOn() {
    // BAD_INPUTS 8/41 in the panel: a 10 kB name with control characters, a dataset without
    // versions, an unknown parent, no source path, 3 billion rows, counts past int.
    ProjectOverview o;
    o.info.name = std::string(10000, 'n');
    DatasetInfo odd{1, std::string("tab\there\nnewline\x01") + std::string(10000, 'x'), "", {}};
    DatasetInfo none{2, "", "", {}};
    DatasetInfo flights{3, "flights", "", {}};
    flights.versions.push_back(derived(7, 3, 1, 999, 3'000'000'000LL, 11));
    flights.versions.back().origin.recipeHash.clear();
    DatasetVersionInfo bare;
    bare.id = 8;
    bare.datasetId = 3;
    bare.version = 2;
    flights.versions.push_back(bare);
    o.datasets = {odd, none, flights};
    o.runCount = 5'000'000'000LL;
    o.modelCount = -3;
    ProjectOverviewPanel panel;
    panel.setOverview(o);
    auto* tree = child<QTreeWidget>(panel, "datasetTree");
    QCOMPARE(tree->topLevelItemCount(), 3);
    QCOMPARE(tree->topLevelItem(1)->childCount(), 0);
    QCOMPARE(tree->topLevelItem(2)->child(0)->text(1), QLocale().toString(3'000'000'000LL));
    QCOMPARE(tree->topLevelItem(2)->child(0)->text(3), QStringLiteral("from #999"));
    QCOMPARE(tree->topLevelItem(2)->child(1)->text(3), QString());
    const QString counts = child<QLabel>(panel, "projectCounts")->text();
    QVERIFY2(counts.contains(QStringLiteral("2147483647 runs")) && counts.contains(QStringLiteral("0 models")), qPrintable(counts));
    showAndFocus(panel);  // paints without trouble
  }

  void goalEditEmitsOnceWhenLeavingTheField() {
    ProjectOverviewPanel panel;
    panel.setOverview(sample());
    showAndFocus(panel);
    QSignalSpy spy(&panel, &ProjectOverviewPanel::infoEdited);
    auto* goal = child<QPlainTextEdit>(panel, "projectGoal");
    goal->setFocus();
    QTRY_VERIFY(goal->hasFocus());
    goal->moveCursor(QTextCursor::End);
    QTest::keyClicks(goal, QStringLiteral(" by beak shape"));
    QCOMPARE(spy.count(), 0);  // not per keystroke
    child<QLineEdit>(panel, "projectName")->setFocus();
    QTRY_COMPARE(spy.count(), 1);
    const auto before = spy.at(0).at(0).value<ProjectInfo>();
    const auto after = spy.at(0).at(1).value<ProjectInfo>();
    QCOMPARE(before, sample().info);
    ProjectInfo expected = sample().info;
    expected.goal = "Tell the species apart by beak shape";
    QCOMPARE(after, expected);
    // Leaving again without a change is no edit.
    goal->setFocus();
    child<QLineEdit>(panel, "projectName")->setFocus();
    QTest::qWait(20);
    QCOMPARE(spy.count(), 1);
    // Ctrl+Enter commits without a newline, and the next "before" is the last "after".
    goal->setFocus();
    QTest::keyClicks(goal, QStringLiteral("!"));
    QTest::keyClick(goal, Qt::Key_Return, Qt::ControlModifier);
    QCOMPARE(spy.count(), 2);
    QCOMPARE(spy.at(1).at(0).value<ProjectInfo>(), expected);
    QCOMPARE(spy.at(1).at(1).value<ProjectInfo>().goal, std::string("Tell the species apart by beak shape!"));
  }

  void nameEditEmitsAndAnEmptyNameGoesBack() {
    ProjectOverviewPanel panel;
    panel.setOverview(sample());
    QSignalSpy spy(&panel, &ProjectOverviewPanel::infoEdited);
    auto* name = child<QLineEdit>(panel, "projectName");
    name->selectAll();
    name->insert(QStringLiteral("펭귄 분류"));  // QTest types ASCII only; insert() is what an input method does
    QTest::keyClick(name, Qt::Key_Return);
    QCOMPARE(spy.count(), 1);
    QCOMPARE(spy.at(0).at(1).value<ProjectInfo>().name, std::string("펭귄 분류"));
    name->selectAll();
    QTest::keyClick(name, Qt::Key_Delete);
    QTest::keyClick(name, Qt::Key_Return);
    QCOMPARE(spy.count(), 1);
    QCOMPARE(name->text(), QStringLiteral("펭귄 분류"));
  }

  void kpiAndCostEditsEmit() {
    ProjectOverviewPanel panel;
    panel.setOverview(sample());
    QSignalSpy spy(&panel, &ProjectOverviewPanel::infoEdited);
    auto* target = child<QLineEdit>(panel, "kpiTarget");
    target->selectAll();
    QTest::keyClicks(target, QStringLiteral("0.95"));
    QTest::keyClick(target, Qt::Key_Return);
    QCOMPARE(spy.count(), 1);
    QCOMPARE(spy.at(0).at(0).value<ProjectInfo>().kpi.target, std::optional<double>(0.9));
    QCOMPARE(spy.at(0).at(1).value<ProjectInfo>().kpi, (lathe::store::Kpi{"f1_macro", true, 0.95}));

    auto* toggle = child<QToolButton>(panel, "decisionCostsToggle");
    auto* costs = child<lathe::widgets::CostMatrixEditor>(panel, "costMatrixEditor");
    QVERIFY(!costs->isVisibleTo(&panel));
    toggle->click();
    QVERIFY(costs->isVisibleTo(&panel));
    auto* fp = child<QLineEdit>(panel, "falsePositive");
    QTest::keyClicks(fp, QStringLiteral("-25"));
    QTest::keyClick(fp, Qt::Key_Return);
    QCOMPARE(spy.count(), 2);
    const auto after = spy.at(1).at(1).value<ProjectInfo>();
    QCOMPARE(after.costs.falsePositive, std::optional<double>(-25));
    QCOMPARE(after.costs.truePositive, std::nullopt);
    QCOMPARE(after.kpi.target, std::optional<double>(0.95));  // the earlier edit is kept
  }

  void setOverviewEmitsNothing() {
    ProjectOverviewPanel panel;
    QSignalSpy edited(&panel, &ProjectOverviewPanel::infoEdited);
    QSignalSpy renamed(&panel, &ProjectOverviewPanel::renameDatasetRequested);
    QSignalSpy activated(&panel, &ProjectOverviewPanel::datasetVersionActivated);
    ProjectOverview o = sample();
    panel.setOverview(o);
    o.info.kpi = {"rmse", false, 3.5};
    o.info.costs.truePositive = 100;
    o.info.name = "Renamed";
    o.datasets[0].name = "penguins (clean)";
    panel.setOverview(o);
    panel.setOverview({});
    panel.setOverview(o);
    QCOMPARE(edited.count() + renamed.count() + activated.count(), 0);
    QCOMPARE(child<lathe::widgets::CostMatrixEditor>(panel, "costMatrixEditor")->costs().truePositive, std::optional<double>(100));
    QCOMPARE(panel.overview().info, o.info);
  }

  void readOnlyDisablesEditors() {
    ProjectOverviewPanel panel;
    ProjectOverview o = sample();
    o.readOnly = true;
    o.readOnlyReason = QStringLiteral("Opened read-only: the folder is not writable.");
    panel.setOverview(o);
    auto* banner = child<QLabel>(panel, "readOnlyBanner");
    QVERIFY(banner->isVisibleTo(&panel));
    QCOMPARE(banner->text(), o.readOnlyReason);
    for (const char* name : {"projectName", "projectDescription", "projectGoal", "kpiEditor", "costMatrixEditor"})
      QVERIFY2(!child<QWidget>(panel, name)->isEnabled(), name);
    auto* tree = child<QTreeWidget>(panel, "datasetTree");
    QVERIFY(!(tree->topLevelItem(0)->flags() & Qt::ItemIsEditable));
    QSignalSpy deleted(&panel, &ProjectOverviewPanel::deleteDatasetRequested);
    tree->setCurrentItem(tree->topLevelItem(0));
    QVERIFY(!child<QAction>(panel, "deleteDatasetAction")->isEnabled());
    QTest::keyClick(tree, Qt::Key_Delete);
    QCOMPARE(deleted.count(), 0);
    // Looking is still allowed: a version still opens in the Data dock.
    QSignalSpy activated(&panel, &ProjectOverviewPanel::datasetVersionActivated);
    tree->setCurrentItem(tree->topLevelItem(0)->child(1));
    QTest::keyClick(tree, Qt::Key_Return);
    QCOMPARE(activated.count(), 1);
    // Writable again: everything is enabled and the banner goes.
    panel.setOverview(sample());
    QVERIFY(!banner->isVisibleTo(&panel));
    QVERIFY(child<QWidget>(panel, "projectGoal")->isEnabled());
  }

  void doubleClickOrEnterOnAVersionActivatesIt() {
    ProjectOverviewPanel panel;
    panel.setOverview(sample());
    showAndFocus(panel);
    auto* tree = child<QTreeWidget>(panel, "datasetTree");
    QSignalSpy activated(&panel, &ProjectOverviewPanel::datasetVersionActivated);
    QTreeWidgetItem* v2 = tree->topLevelItem(0)->child(1);
    const QPoint at = tree->visualItemRect(v2).center();
    QTest::mouseClick(tree->viewport(), Qt::LeftButton, {}, at);
    QTest::mouseDClick(tree->viewport(), Qt::LeftButton, {}, at);
    QCOMPARE(activated.count(), 1);
    QCOMPARE(activated.at(0).at(0).value<qint64>(), qint64(101));
    tree->setCurrentItem(tree->topLevelItem(1)->child(0));
    QTest::keyClick(tree, Qt::Key_Return);
    QCOMPARE(activated.count(), 2);
    QCOMPARE(activated.at(1).at(0).value<qint64>(), qint64(200));
    // A dataset row is not a version: Enter on it opens nothing.
    tree->setCurrentItem(tree->topLevelItem(0));
    QTest::keyClick(tree, Qt::Key_Return);
    QCOMPARE(activated.count(), 2);
    // The context menu's "Show in Data" is the same action.
    tree->setCurrentItem(v2);
    auto* show = child<QAction>(panel, "showInDataAction");
    QVERIFY(show->isEnabled());
    show->trigger();
    QCOMPARE(activated.count(), 3);
    QCOMPARE(activated.at(2).at(0).value<qint64>(), qint64(101));
  }

  void deleteKeyOnADatasetAsksToDeleteIt() {
    ProjectOverviewPanel panel;
    panel.setOverview(sample());
    auto* tree = child<QTreeWidget>(panel, "datasetTree");
    QSignalSpy deleted(&panel, &ProjectOverviewPanel::deleteDatasetRequested);
    tree->setCurrentItem(tree->topLevelItem(1));
    auto* action = child<QAction>(panel, "deleteDatasetAction");
    QCOMPARE(action->text(), QStringLiteral("Delete “credit-g”"));
    QTest::keyClick(tree, Qt::Key_Delete);
    QCOMPARE(deleted.count(), 1);
    QCOMPARE(deleted.at(0).at(0).value<qint64>(), qint64(20));
    tree->setCurrentItem(tree->topLevelItem(1)->child(0));  // a version is not deleted this way
    QTest::keyClick(tree, Qt::Key_Delete);
    QCOMPARE(deleted.count(), 1);
    QVERIFY(!action->isEnabled());
  }

  void renamingADatasetInlineAsksToRenameIt() {
    ProjectOverviewPanel panel;
    panel.setOverview(sample());
    showAndFocus(panel);
    auto* tree = child<QTreeWidget>(panel, "datasetTree");
    QSignalSpy renamed(&panel, &ProjectOverviewPanel::renameDatasetRequested);
    tree->setFocus();
    tree->setCurrentItem(tree->topLevelItem(0));
    QTest::keyClick(tree, Qt::Key_F2);
    QLineEdit* editor = nullptr;
    QTRY_VERIFY((editor = tree->viewport()->findChild<QLineEdit*>()) && editor->isVisible());
    editor->selectAll();
    editor->insert(QStringLiteral("펭귄 정제"));
    QTest::keyClick(editor, Qt::Key_Return);
    QTRY_COMPARE(renamed.count(), 1);
    QCOMPARE(renamed.at(0).at(0).value<qint64>(), qint64(10));
    QCOMPARE(renamed.at(0).at(1).toString(), QStringLiteral("펭귄 정제"));
    // The row shows the stored name until the caller renames the dataset and refreshes.
    QCOMPARE(tree->topLevelItem(0)->text(0), QStringLiteral("penguins"));
    // Unchanged or blank names ask for nothing.
    tree->topLevelItem(0)->setText(0, QStringLiteral("  "));
    tree->topLevelItem(0)->setText(0, QStringLiteral("penguins"));
    QCOMPARE(renamed.count(), 1);
  }

  void setOverviewKeepsExpansionSelectionAndTyping() {
    ProjectOverviewPanel panel;
    panel.setOverview(sample());
    showAndFocus(panel);
    auto* tree = child<QTreeWidget>(panel, "datasetTree");
    QVERIFY(tree->topLevelItem(0)->isExpanded());  // new datasets open
    tree->topLevelItem(0)->setExpanded(false);
    tree->setCurrentItem(tree->topLevelItem(1)->child(0));

    auto* goal = child<QPlainTextEdit>(panel, "projectGoal");
    goal->setFocus();
    QTRY_VERIFY(goal->hasFocus());
    goal->moveCursor(QTextCursor::End);
    QTest::keyClicks(goal, QStringLiteral(" (draft)"));

    ProjectOverview o = sample();  // a job finished meanwhile: a new version and a new dataset
    o.datasets[0].versions.push_back(derived(102, 10, 3, 101, 300, 8));
    o.datasets.push_back(DatasetInfo{40, "seattle-weather", "", {imported(400, 40, QStringLiteral("seattle-weather.csv"), 1461, 6, "ab", 1)}});
    o.runCount = 6;
    panel.setOverview(o);
    QCOMPARE(tree->topLevelItemCount(), 4);
    QVERIFY(!tree->topLevelItem(0)->isExpanded());
    QCOMPARE(tree->topLevelItem(0)->childCount(), 3);
    QVERIFY(tree->topLevelItem(1)->isExpanded());
    QVERIFY(tree->topLevelItem(3)->isExpanded());
    QCOMPARE(tree->currentItem(), tree->topLevelItem(1)->child(0));
    QVERIFY(tree->currentItem()->isSelected());
    QCOMPARE(goal->toPlainText(), QStringLiteral("Tell the species apart (draft)"));  // typing survives
    QCOMPARE(child<QLabel>(panel, "projectCounts")->text(), QStringLiteral("4 datasets · 6 runs · 1 models"));
  }
};

QTEST_MAIN(tst_ProjectOverviewPanel)
#include "tst_ProjectOverviewPanel.moc"
