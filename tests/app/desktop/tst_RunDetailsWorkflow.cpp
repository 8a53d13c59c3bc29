// One run in full, in the studio window (issue 7, items 1, 2, 4 and 6): while a forest trains the
// GUI thread keeps ticking; a decision tree's run shows its tree in the Run dock, the business
// value of its decisions under the project's cost matrix, and notes the user types are stored with
// the run and undone with Undo. The slots run in order on one window.
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDockWidget>
#include <QElapsedTimer>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTimer>
#include <QUndoStack>
#include <QSortFilterProxyModel>
#include <QtTest>
#include <cmath>
#include <memory>

#include "GuiStallMeter.h"
#include "IsolatedSettings.h"
#include "ModalCloser.h"
#include "app/desktop/ExperimentsController.h"
#include "app/desktop/ImportDialog.h"
#include "app/desktop/MainWindow.h"
#include "app/desktop/RunDetailsController.h"
#include "app/desktop/StudioDocks.h"
#include "app/document/ProjectDocument.h"
#include "engine/experiments/BusinessValueCurve.h"
#include "widgets/charts/BusinessValueChart.h"
#include "widgets/charts/DecisionTreeView.h"
#include "widgets/deploy/RegisterModelDialog.h"
#include "widgets/panels/ExperimentsPanel.h"
#include "widgets/panels/RunComparisonPanel.h"
#include "widgets/panels/RunDetailsPanel.h"
#include "widgets/panels/TrainingPanel.h"
#include "widgets/table/RunTableModel.h"
#include "TestPaths.h"

using lathe::app::MainWindow;

namespace {
constexpr int kWait = 180000;  // generous for the sanitizer build
}

class tst_RunDetailsWorkflow : public QObject {
  Q_OBJECT
  IsolatedSettings settings_;
  std::unique_ptr<MainWindow> window_;
  std::unique_ptr<ModalCloser> closer_;

  const lathe::app::StudioDocks& docks() const { return window_->docks(); }
  lathe::widgets::TrainingPanel* training() const { return docks().trainingPanel; }
  lathe::widgets::RunDetailsPanel* details() const { return docks().runPanel; }
  QTableView* runTable() const {
    return docks().experimentsPanel->findChild<QTableView*>(QStringLiteral("runTable"));
  }

  void chooseAlgorithm(const QString& id) {
    auto* combo = training()->findChild<QComboBox*>(QStringLiteral("algorithmCombo"));
    QVERIFY(combo);
    const int index = combo->findData(id);
    QVERIFY2(index >= 0, qPrintable(id));
    combo->setCurrentIndex(index);
  }

 private slots:
  void initTestCase() {
    window_ = std::make_unique<MainWindow>();
    window_->show();
    QVERIFY(QTest::qWaitForWindowExposed(window_.get()));
    window_->openFile(QString::fromUtf8(LATHE_DATASETS_DIR) + QStringLiteral("/credit-g.arff"));
    auto* dialog = window_->findChild<lathe::app::ImportDialog*>();
    QVERIFY(dialog);
    QTRY_VERIFY_WITH_TIMEOUT(dialog->preview() || !dialog->previewError().isEmpty(), kWait);
    QTest::mouseClick(dialog->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok), Qt::LeftButton);
    closer_ = std::make_unique<ModalCloser>();
    QTRY_VERIFY_WITH_TIMEOUT(training()->datasetVersionId() > 0, kWait);
    QCOMPARE(training()->target(), QStringLiteral("class"));
    // German credit's costs: calling a bad credit good costs 5, the reverse 1. Class 1 ("good",
    // the second in sorted order) is the positive class: a false positive is a bad credit
    // called good.
    auto info = window_->document()->info();
    info.costs.falsePositive = -5.0;
    info.costs.falseNegative = -1.0;
    info.kpi = {"recall", true, 0.7};
    window_->document()->setInfo(info);
  }

  void cleanupTestCase() {
    if (closer_) QVERIFY2(closer_->closed.isEmpty(), qPrintable(closer_->closed.join(QStringLiteral(", "))));
    closer_.reset();
    window_.reset();
  }

  // 1. A 300-tree forest with 5-fold cross-validation and a learning curve trains for seconds;
  // a 10 ms timer on the GUI thread keeps ticking all along, progress and the live curve arrive.
  void guiStaysResponsiveWhileAForestTrains() {
    chooseAlgorithm(QStringLiteral("forest"));
    auto* trees = training()->findChild<QSpinBox*>(QStringLiteral("n_estimators"));
    QVERIFY(trees);
    trees->setValue(300);
    GuiStallMeter meter;
    meter.start();
    QTest::mouseClick(training()->findChild<QPushButton*>(QStringLiteral("trainButton")), Qt::LeftButton);
    QVERIFY(training()->isRunning());
    QTRY_VERIFY_WITH_TIMEOUT(!training()->isRunning(), kWait);
    meter.stop();
    qInfo("training ran %.2f s; GUI timer ticked %d times; worst stall %.1f ms", meter.seconds(), meter.ticks(),
          meter.worstStallMs());
    QVERIFY2(training()->status().startsWith(QStringLiteral("Trained")), qPrintable(training()->status()));
    QVERIFY2(meter.worstStallMs() < 1000, "the GUI thread froze for a second while a forest trained");
    QVERIFY(meter.tickedEnough());
    QVERIFY2(training()->curvePointCount() >= 5, "the live curve got a point per fold");
    QCOMPARE(window_->document()->runCount(), 1);
  }

  // 2. A depth-4 decision tree: selecting its run fills the Run dock, with its tree.
  void aTreeRunShowsItsTree() {
    chooseAlgorithm(QStringLiteral("tree"));
    auto* depth = training()->findChild<QLineEdit*>(QStringLiteral("max_depth"));
    QVERIFY(depth);
    depth->setText(QStringLiteral("4"));
    QTest::mouseClick(training()->findChild<QPushButton*>(QStringLiteral("trainButton")), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!training()->isRunning(), kWait);
    QCOMPARE(window_->document()->runCount(), 2);
    QTRY_COMPARE_WITH_TIMEOUT(runTable()->model()->rowCount(), 2, kWait);

    // Double-click the tree's row: the Run dock comes forward with that run.
    auto* panel = docks().experimentsPanel;
    int row = 0;
    while (row < 2 && panel->model()->runAt(panel->proxy()->mapToSource(panel->proxy()->index(row, 0)).row()).algorithm !=
                          "tree")
      ++row;
    QVERIFY(row < 2);
    runTable()->selectRow(row);
    const QRect cell = runTable()->visualRect(runTable()->model()->index(row, 0));
    QTest::mouseDClick(runTable()->viewport(), Qt::LeftButton, {}, cell.center());
    QTRY_VERIFY_WITH_TIMEOUT(details()->isVisible(), kWait);
    const qint64 id = details()->runId();
    const auto run = window_->document()->run(id);
    QVERIFY(run);
    QCOMPARE(run->algorithm, std::string("tree"));
    QCOMPARE(window_->runDetails()->shownRun(), id);
    QVERIFY(details()->metricsTable()->rowCount() >= 5);  // roc_auc, accuracy, ...

    QVERIFY(details()->tabs()->isTabVisible(2));
    auto* tree = details()->treeView();
    // Depth 4: at most 31 nodes, and a real split at the root.
    QVERIFY(tree->nodeItemCount() >= 3);
    QVERIFY(tree->nodeItemCount() <= 31);
    QVERIFY2(tree->nodeText(0).contains(QStringLiteral("1000")) || tree->nodeText(0).contains(QStringLiteral("1,000")),
             qPrintable(tree->nodeText(0)));
  }

  // 3. The business value of the tree's decisions under the project's cost matrix, with the
  // best threshold the engine finds.
  void theBusinessValueFollowsTheCostMatrix() {
    const auto run = window_->document()->run(details()->runId());
    const auto info = window_->document()->info();
    const auto curve = lathe::experiments::BusinessValueCurve::of(*run, info.costs, info.kpi);
    QVERIFY(curve);
    auto* chart = details()->businessValueChart();
    QCOMPARE(chart->curveCount(), 1);
    QCOMPARE(chart->bestThreshold(0), curve->points[curve->best].threshold);
    QCOMPARE(chart->bestValue(0), curve->points[curve->best].expectedValue);
    // Costs only: the best decision is worth at most 0 per row.
    QVERIFY(chart->bestValue(0) <= 0.0);
    QVERIFY(chart->hasKpiLine());  // recall depends on the threshold

    // Clearing the cost matrix empties the chart.
    auto cleared = info;
    cleared.costs = {};
    window_->document()->setInfo(cleared);
    QTRY_COMPARE_WITH_TIMEOUT(chart->curveCount(), 0, kWait);
    window_->document()->setInfo(info);
    QTRY_COMPARE_WITH_TIMEOUT(chart->curveCount(), 1, kWait);
  }

  // 4. Notes typed in the Run dock are stored with the run; Undo takes them back.
  void notesAreStoredAndUndone() {
    const qint64 id = details()->runId();
    auto* notes = details()->notesEditor();
    QVERIFY(notes->isEnabled());
    notes->setFocus();
    QTest::keyClicks(notes, QStringLiteral("Depth 4 underfits; try 6."));
    details()->tabs()->setFocus();  // leaving the editor stores the notes at once
    QTRY_COMPARE_WITH_TIMEOUT(window_->document()->run(id)->notes, std::string("Depth 4 underfits; try 6."), kWait);
    QTest::keyClicks(notes, QStringLiteral(" Done."));
    QTRY_COMPARE_WITH_TIMEOUT(window_->document()->run(id)->notes, std::string("Depth 4 underfits; try 6. Done."),
                              kWait);

    // One stretch of typing is one step of the history.
    auto* stack = window_->document()->undoStack();
    QVERIFY(stack->undoText().contains(QStringLiteral("notes")));
    stack->undo();
    QCOMPARE(window_->document()->run(id)->notes, std::string());
    QTRY_COMPARE_WITH_TIMEOUT(notes->toPlainText(), QString(), kWait);
    stack->redo();
    QTRY_COMPARE_WITH_TIMEOUT(notes->toPlainText(), QStringLiteral("Depth 4 underfits; try 6. Done."), kWait);
  }

  // 5. A forest run has no tree tab; its business value is drawn too.
  void aForestRunHasNoTreeTab() {
    const auto summaries = window_->document()->runs();
    const auto forest = std::find_if(summaries.begin(), summaries.end(), [](const auto& r) { return r.algorithm == "forest"; });
    QVERIFY(forest != summaries.end());
    window_->runDetails()->show(forest->id);
    QCOMPARE(details()->runId(), forest->id);
    QVERIFY(!details()->tabs()->isTabVisible(2));
    QCOMPARE(details()->businessValueChart()->curveCount(), 1);
    QCOMPARE(details()->notesEditor()->toPlainText(), QString());
  }

  // Register Model… in the Run dock: offered for a run that kept its model, and it asks for the
  // model's name as the Experiments table's menu does.
  void aRunIsRegisteredFromTheRunDock() {
    const auto summaries = window_->document()->runs();
    const auto forest = std::find_if(summaries.begin(), summaries.end(), [](const auto& r) { return r.algorithm == "forest"; });
    QVERIFY(forest != summaries.end());
    QVERIFY(forest->hasModel);
    window_->runDetails()->show(forest->id);
    QPushButton* button = details()->registerButton();
    QVERIFY(button->isVisibleTo(details()));
    QVERIFY(button->isEnabled());
    QVERIFY(!window_->findChild<lathe::widgets::RegisterModelDialog*>());
    button->click();
    QTRY_VERIFY_WITH_TIMEOUT(window_->findChild<lathe::widgets::RegisterModelDialog*>(), kWait);
    auto* dialog = window_->findChild<lathe::widgets::RegisterModelDialog*>();
    QVERIFY(dialog->isVisible());
    dialog->reject();
    window_->runDetails()->show(0);
    QVERIFY(!button->isVisibleTo(details()));
  }

  // 6. Comparing the forest and the tree overlays both runs' business value, each with the best
  // threshold the engine finds for it.
  void theComparisonOverlaysTheBusinessValue() {
    QList<qint64> ids;
    for (const auto& run : window_->document()->runs()) ids << run.id;
    window_->experiments()->compare(ids);
    auto* chart = docks().comparisonPanel->businessValueChart();
    QCOMPARE(chart->curveCount(), 2);
    const auto info = window_->document()->info();
    for (int i = 0; i < 2; ++i) {
      const auto run = window_->document()->run(ids[i]);
      const auto curve = lathe::experiments::BusinessValueCurve::of(*run, info.costs, info.kpi);
      QVERIFY(curve);
      QCOMPARE(chart->curveName(i), QString::fromStdString(run->name));
      QCOMPARE(chart->bestValue(i), curve->bestPoint().expectedValue);
    }
  }
};

QTEST_MAIN(tst_RunDetailsWorkflow)
#include "tst_RunDetailsWorkflow.moc"
