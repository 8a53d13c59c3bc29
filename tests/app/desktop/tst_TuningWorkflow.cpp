// Issue 9, item 3: tuning and AutoML in the studio window on the German-credit demo, driven with
// QTest on the real widgets. A tuning started from the Tuning dock fills the trials table and
// the charts while it runs; a stopped tuning resumes; the AutoML button on the shown dataset
// fills the leaderboard and keeps the winner's model; the Tune and AutoML nodes open the dock as
// their editor, with Apply to node, undo and Done. The slots run in order on one window.
#include <QAction>
#include <QComboBox>
#include <QDockWidget>
#include <QPushButton>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QUndoStack>
#include <QtTest>
#include <algorithm>
#include <set>

#include <nlohmann/json.hpp>

#include "IsolatedSettings.h"
#include "app/desktop/ExperimentsController.h"
#include "app/desktop/MainWindow.h"
#include "app/desktop/PipelineController.h"
#include "app/desktop/PipelineNodeEditors.h"
#include "app/desktop/ProjectController.h"
#include "app/desktop/RunDetailsController.h"
#include "app/desktop/StudioDocks.h"
#include "app/desktop/TuningController.h"
#include "app/document/PipelineDocument.h"
#include "app/document/ProjectDocument.h"
#include "widgets/canvas/NodeItem.h"
#include "widgets/canvas/PipelineScene.h"
#include "widgets/charts/ParallelCoordinatesChart.h"
#include "widgets/panels/NodeEditingBanner.h"
#include "widgets/tuning/ParameterScoreChart.h"
#include "widgets/tuning/TrialScoreChart.h"
#include "widgets/tuning/TrialTableModel.h"
#include "widgets/tuning/TuningForm.h"
#include "widgets/tuning/TuningPanel.h"
#include "widgets/tuning/TuningResultsView.h"

using lathe::app::MainWindow;
using nlohmann::json;

namespace {

constexpr int kWait = 300000;  // trials of 5-fold CV on 1,000 rows, two at a time; generous for a busy machine

void choose(QComboBox* box, const QString& data) {
  const int at = box->findData(data);
  QVERIFY2(at >= 0, qPrintable(data));
  box->setCurrentIndex(at);
}

}  // namespace

class tst_TuningWorkflow : public QObject {
  Q_OBJECT
  IsolatedSettings settings_;
  QTemporaryDir dir_;
  std::unique_ptr<MainWindow> window_;

  MainWindow& window() { return *window_; }
  lathe::widgets::TuningPanel* panel() { return window_->docks().tuningPanel; }
  lathe::widgets::TuningForm* form() { return panel()->form(); }
  lathe::widgets::TuningResultsView* results() { return panel()->results(); }
  lathe::app::TuningController* tuning() { return window_->tuning(); }

  void startTuning(const char* algorithm, int trials) {
    form()->setAutoMl(false);
    choose(form()->algorithmBox(), QString::fromLatin1(algorithm));
    form()->targetBox()->setCurrentText(QStringLiteral("class"));
    form()->trialsBox()->setValue(trials);
    form()->budgetBox()->setValue(0);
    QVERIFY(panel()->startButton()->isEnabled());
    panel()->startButton()->click();
    QVERIFY(tuning()->isRunning());
  }

 private slots:
  void initTestCase() {
    window_ = std::make_unique<MainWindow>();
    window_->resize(1500, 950);
    window_->show();
    QVERIFY(QTest::qWaitForWindowExposed(window_.get()));
    window_->projects()->newDemoProject(dir_.filePath(QStringLiteral("credit.lathe")));
    QTRY_COMPARE_WITH_TIMEOUT(window_->pipeline()->scene()->nodeItems().size(), 10, kWait);
    const auto datasets = window_->document()->datasets();
    QVERIFY(!datasets.empty());
    window_->projects()->showDatasetVersion(datasets.front().versions.back().id);
    QTRY_VERIFY_WITH_TIMEOUT(form()->targetBox()->findText(QStringLiteral("class")) >= 0, kWait);
  }

  void aTuningFillsTheViewWhileItRuns() {
    startTuning("forest", 16);
    // Trials are read back per batch: the table shows part of the search before it ends.
    QList<int> seenWhileRunning;
    QElapsedTimer clock;
    clock.start();
    while (tuning()->isRunning() && clock.elapsed() < kWait) {
      QTest::qWait(100);
      const int rows = results()->trials()->rowCount();
      if (tuning()->isRunning() && (seenWhileRunning.isEmpty() || seenWhileRunning.back() != rows)) seenWhileRunning << rows;
    }
    QVERIFY(!tuning()->isRunning());
    const bool partial = std::any_of(seenWhileRunning.begin(), seenWhileRunning.end(), [](int rows) { return rows > 0 && rows < 16; });
    QVERIFY2(partial, qPrintable(QStringLiteral("table sizes seen while running: %1").arg(
                          [&] { QStringList t; for (int n : seenWhileRunning) t << QString::number(n); return t.join(QLatin1Char(' ')); }())));
    QVERIFY2(panel()->status().contains(QStringLiteral("Best")), qPrintable(panel()->status()));

    // Every trial is in the table, numbered 1..16, with its score and the forest's parameters.
    QCOMPARE(results()->trials()->rowCount(), 16);
    std::set<int> numbers;
    for (int row = 0; row < 16; ++row) {
      const auto* t = results()->trials()->trialAt(row);
      numbers.insert(t->trial.number);
      QVERIFY(t->trial.runId != 0);
      QVERIFY(t->trial.parameters.contains("n_estimators"));
    }
    QCOMPARE(int(numbers.size()), 16);
    QCOMPARE(*numbers.begin(), 1);
    QCOMPARE(*numbers.rbegin(), 16);
    QCOMPARE(panel()->searchBox()->count(), 1);
    QVERIFY(!panel()->resumeButton()->isEnabled());  // it finished

    // Score by trial: a dot per scored trial and a best-so-far that never gets worse (roc_auc).
    auto* scores = results()->scoreChart();
    QVERIFY(scores->pointCount() >= 1);
    const QVector<double> best = scores->bestSoFar();
    QVERIFY(!best.isEmpty());
    for (int i = 1; i < best.size(); ++i) QVERIFY(best[i] >= best[i - 1]);
    const auto history = window().document()->tuningHistory(panel()->shownSearch());
    QCOMPARE(best.back(), history.best()->trial.score);

    // One hyperparameter against the score, and every trial in parallel coordinates.
    QVERIFY(results()->parameterBox()->count() > 0);
    QVERIFY(results()->parameterChart()->pointCount() > 0);
    QCOMPARE(results()->parallelChart()->lineCount(), 16);
    QCOMPARE(results()->tabs()->indexOf(results()->leaderboard()), -1);  // one algorithm: no leaderboard

    // Open Best Run shows the winner in the Run dock; its model was kept.
    QVERIFY(panel()->bestRunButton()->isEnabled());
    panel()->bestRunButton()->click();
    QTRY_VERIFY(window().docks().run->isVisible());
    QVERIFY(window().document()->runModel(history.best()->trial.runId).has_value());
  }

  void aStoppedTuningResumes() {
    startTuning("forest", 30);
    QTRY_VERIFY_WITH_TIMEOUT(results()->trials()->rowCount() >= 2 && panel()->shownSearch() == tuning()->runningSearch(), kWait);
    panel()->cancelButton()->click();
    QTRY_VERIFY_WITH_TIMEOUT(!tuning()->isRunning(), kWait);
    QVERIFY2(panel()->status().contains(QStringLiteral("Stopped")), qPrintable(panel()->status()));
    const qint64 stopped = panel()->shownSearch();
    const int kept = results()->trials()->rowCount();
    QVERIFY2(kept >= 2 && kept < 30, qPrintable(QString::number(kept)));
    QVERIFY(panel()->resumeButton()->isEnabled());

    panel()->resumeButton()->click();
    QVERIFY(tuning()->isRunning());
    QTRY_VERIFY_WITH_TIMEOUT(!tuning()->isRunning(), kWait);
    QCOMPARE(panel()->shownSearch(), stopped);
    QCOMPARE(results()->trials()->rowCount(), 30);  // carried on from the stored trials, not again
    std::set<int> numbers;
    for (int row = 0; row < 30; ++row) numbers.insert(results()->trials()->trialAt(row)->trial.number);
    QCOMPARE(int(numbers.size()), 30);
    QVERIFY(!panel()->resumeButton()->isEnabled());
  }

  void theAutoMlButtonRunsEveryFamily() {
    QAction* button = window().findChild<QAction*>(QStringLiteral("autoMlAction"));
    QVERIFY(button);
    QVERIFY(button->isEnabled());
    form()->setAutoMl(true);
    form()->budgetBox()->setValue(5);
    form()->targetBox()->setCurrentText(QStringLiteral("class"));
    button->trigger();
    QVERIFY(tuning()->isRunning());
    QVERIFY(window().docks().tuning->isVisible());
    QTRY_VERIFY_WITH_TIMEOUT(!tuning()->isRunning(), kWait);
    QVERIFY2(panel()->status().contains(QStringLiteral("Best")), qPrintable(panel()->status()));

    // The leaderboard leads, one row per family that can learn a binary task, best first.
    QCOMPARE(results()->tabs()->indexOf(results()->leaderboard()), 0);
    QTableWidget* board = results()->leaderboard();
    QVERIFY2(board->rowCount() >= 7, qPrintable(QString::number(board->rowCount())));
    for (int row = 1; row < board->rowCount(); ++row)
      if (board->item(row, 2)->text() != QStringLiteral("—"))
        QVERIFY(board->item(row - 1, 2)->text().toDouble() >= board->item(row, 2)->text().toDouble());
    const auto history = window().document()->tuningHistory(panel()->shownSearch());
    QCOMPARE(history.record.algorithm, std::string("automl"));
    QVERIFY(window().document()->runModel(history.best()->trial.runId).has_value());
    QVERIFY(!panel()->resumeButton()->isEnabled());  // AutoML starts over instead

    // Its explanation: the winner's feature importances, and the leaders side by side.
    const auto winner = window().document()->run(history.best()->trial.runId);
    QVERIFY(!winner->featureImportances.empty());
    QVERIFY(panel()->compareButton()->isEnabled());
    panel()->compareButton()->click();
    const QList<qint64> compared = window().experiments()->comparedRuns();
    QCOMPARE(compared, results()->topRuns());
    QVERIFY(compared.size() >= 2);
    QVERIFY(compared.contains(history.best()->trial.runId));
    QTRY_VERIFY(window().docks().comparison->isVisible());
  }

  void theTuneNodeOpensTheDockAsItsEditor() {
    auto* pipeline = window().pipeline();
    int recipe = 0;
    for (const auto& [id, node] : pipeline->document()->graph().nodes())
      if (node.type == "recipe") recipe = id;
    int tune = 0;
    pipeline->document()->edit([&](lathe::pipeline::Graph& g) {
      tune = g.addNode("tune", {{"algorithm", "tree"}, {"target", "class"}, {"strategy", "bayes"}, {"trials", 20},
                                {"folds", 5}, {"objective", ""}, {"space", nullptr}, {"seed", nullptr}, {"pruning", true}},
                       900, 600);
      g.addLink(recipe, 0, tune, 0);
    });
    window().nodeEditors()->edit(tune, QStringLiteral("tune"));
    QTRY_COMPARE_WITH_TIMEOUT(tuning()->editedNode(), tune, kWait);
    QVERIFY(window().docks().tuning->isVisible());
    QVERIFY(!panel()->nodeBanner()->isHidden());
    QVERIFY(!form()->modeBox()->isEnabled());
    QVERIFY(!panel()->startButton()->isVisible());
    QCOMPARE(form()->settings().algorithm, QStringLiteral("tree"));
    QCOMPARE(form()->settings().trials, 20);
    QVERIFY(form()->targetBox()->count() > 5);  // the columns reaching the node

    form()->trialsBox()->setValue(7);
    choose(form()->algorithmBox(), QStringLiteral("forest"));
    QUndoStack* undo = window().document()->undoStack();
    const int before = undo->count();
    panel()->nodeBanner()->findChild<QPushButton*>(QStringLiteral("applyToNodeButton"))->click();
    QCOMPARE(undo->count(), before + 1);
    json saved = pipeline->document()->graph().node(tune)->parameters;
    QCOMPARE(saved["trials"].get<int>(), 7);
    QCOMPARE(saved["algorithm"].get<std::string>(), std::string("forest"));
    QVERIFY(saved["seed"].is_null());
    QVERIFY(pipeline->document()->graph().node(tune) != nullptr);

    undo->undo();  // the node and the form go back together
    QCOMPARE(pipeline->document()->graph().node(tune)->parameters["trials"].get<int>(), 20);
    QCOMPARE(form()->settings().trials, 20);
    QCOMPARE(form()->settings().algorithm, QStringLiteral("tree"));

    form()->budgetBox()->setValue(30);
    panel()->nodeBanner()->findChild<QPushButton*>(QStringLiteral("doneEditingNodeButton"))->click();
    QCOMPARE(tuning()->editedNode(), 0);
    QCOMPARE(pipeline->document()->graph().node(tune)->parameters["budget"].get<int>(), 30);
    QVERIFY(form()->modeBox()->isEnabled());
    QVERIFY(panel()->startButton()->isVisible());
  }

  void theAutoMlNodeOpensTheDockInAutoMlMode() {
    auto* pipeline = window().pipeline();
    int automl = 0;
    pipeline->document()->edit([&](lathe::pipeline::Graph& g) {
      automl = g.addNode("automl", {{"target", "class"}, {"budget", 60}, {"folds", 5}, {"objective", ""},
                                    {"algorithms", json::array()}, {"ensemble", true}, {"seed", nullptr}},
                         900, 750);
    });
    window().nodeEditors()->edit(automl, QStringLiteral("automl"));
    QTRY_COMPARE_WITH_TIMEOUT(tuning()->editedNode(), automl, kWait);
    QVERIFY(form()->settings().automl);
    QCOMPARE(form()->settings().budgetSeconds, 60);
    QVERIFY(!form()->trialsBox()->isVisibleTo(form()));  // AutoML is bounded by time alone
    form()->budgetBox()->setValue(120);
    panel()->nodeBanner()->findChild<QPushButton*>(QStringLiteral("applyToNodeButton"))->click();
    const json saved = pipeline->document()->graph().node(automl)->parameters;
    QCOMPARE(saved["budget"].get<int>(), 120);
    QVERIFY(!saved.contains("trials"));
    // Deleting the node ends the editing.
    pipeline->scene()->clearSelection();
    pipeline->scene()->nodeItem(automl)->setSelected(true);
    pipeline->removeSelection();
    QCOMPARE(tuning()->editedNode(), 0);
    QVERIFY(panel()->nodeBanner()->isHidden());
  }

  void cleanupTestCase() { window_.reset(); }
};

QTEST_MAIN(tst_TuningWorkflow)
#include "tst_TuningWorkflow.moc"
