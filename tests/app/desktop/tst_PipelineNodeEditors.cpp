// Issue 8, item 2: double-clicking a Recipe node opens the data wrangler on it, a Train node the
// training panel; what the user changes there goes back to the node, one undo step at a time.
// On the German-credit demo, with mouse double-clicks on the canvas.
#include <QComboBox>
#include <QDockWidget>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QUndoStack>
#include <QtTest>

#include <nlohmann/json.hpp>

#include "IsolatedSettings.h"
#include "app/desktop/MainWindow.h"
#include "app/desktop/NodeParametersDialog.h"
#include "app/desktop/PipelineController.h"
#include "app/desktop/PipelineNodeEditors.h"
#include "app/desktop/ProjectController.h"
#include "app/desktop/RecipeController.h"
#include "app/desktop/StudioDocks.h"
#include "app/desktop/TrainingController.h"
#include "app/document/PipelineDocument.h"
#include "app/document/ProjectDocument.h"
#include "widgets/canvas/NodeItem.h"
#include "widgets/canvas/PipelineCanvasView.h"
#include "widgets/canvas/PipelineScene.h"
#include "widgets/panels/NodeEditingBanner.h"
#include "widgets/panels/RecipePanel.h"
#include "widgets/panels/TrainingPanel.h"

using lathe::app::MainWindow;
using nlohmann::json;

namespace {
constexpr int kWait = 120000;

int nodeOfType(const lathe::pipeline::Graph& graph, const std::string& type, const std::string& algorithm = {}) {
  for (const auto& [id, node] : graph.nodes())
    if (node.type == type && (algorithm.empty() || node.parameters.value("algorithm", std::string()) == algorithm))
      return node.id;
  return 0;
}

json parametersOf(MainWindow& window, int node) { return window.pipeline()->document()->graph().node(node)->parameters; }

void doubleClick(MainWindow& window, int node) {
  auto* view = window.canvas();
  view->centerOn(window.pipeline()->scene()->nodeItem(node));
  const QPoint at = view->mapFromScene(window.pipeline()->scene()->nodeItem(node)->pos() + QPointF(40, 12));
  QTest::mouseDClick(view->viewport(), Qt::LeftButton, Qt::NoModifier, at);
}
}  // namespace

class tst_PipelineNodeEditors : public QObject {
  Q_OBJECT
  IsolatedSettings settings_;
  QTemporaryDir dir_;
  std::unique_ptr<MainWindow> window_;

  MainWindow& window() { return *window_; }

 private slots:
  void initTestCase() {
    window_ = std::make_unique<MainWindow>();
    window_->resize(1400, 900);
    window_->show();
    QVERIFY(QTest::qWaitForWindowExposed(window_.get()));
    window_->projects()->newDemoProject(dir_.filePath(QStringLiteral("credit.lathe")));
    QTRY_COMPARE_WITH_TIMEOUT(window_->pipeline()->scene()->nodeItems().size(), 10, kWait);
  }

  void recipeNodeOpensTheWranglerAndEditsGoToTheNode() {
    const int recipe = nodeOfType(window().pipeline()->document()->graph(), "recipe");
    QVERIFY(recipe);
    auto* panel = window().docks().recipePanel;
    doubleClick(window(), recipe);
    // Import has not run: it runs first, then the wrangler opens on what reaches the node.
    QTRY_COMPARE_WITH_TIMEOUT(window().recipes()->editedNode(), recipe, kWait);
    QVERIFY(panel->isEditingNode());
    QVERIFY(panel->nodeBanner()->text().contains(QStringLiteral("Log of credit amount")));
    QVERIFY(window().docks().recipe->isVisible());
    QCOMPARE(panel->stepCount(), 1);  // the demo's log step
    QVERIFY(window().recipes()->preview());
    QCOMPARE(int(window().recipes()->preview()->rowCount()), 1000);

    // A step added in the wrangler is in the node at once, as one undo step.
    QUndoStack* undo = window().document()->undoStack();
    const int before = undo->count();
    window().recipes()->addStep("drop_columns", json({{"columns", {"own_telephone"}}}));
    QCOMPARE(undo->count(), before + 1);
    QCOMPARE(parametersOf(window(), recipe)["steps"].size(), std::size_t(2));
    QCOMPARE(parametersOf(window(), recipe)["steps"][1]["kind"].get<std::string>(), std::string("drop_columns"));
    QCOMPARE(panel->stepCount(), 2);
    QVERIFY(!window().recipes()->preview()->indexOf("own_telephone"));

    // Undo takes it out of the node and the wrangler alike; redo puts it back.
    undo->undo();
    QCOMPARE(parametersOf(window(), recipe)["steps"].size(), std::size_t(1));
    QCOMPARE(panel->stepCount(), 1);
    undo->redo();
    QCOMPARE(parametersOf(window(), recipe)["steps"].size(), std::size_t(2));
    QCOMPARE(panel->stepCount(), 2);

    // Done: back to the dataset's own recipe; the node keeps its two steps.
    panel->nodeBanner()->findChild<QPushButton*>(QStringLiteral("doneEditingNodeButton"))->click();
    QCOMPARE(window().recipes()->editedNode(), 0);
    QVERIFY(!panel->isEditingNode());
    QCOMPARE(parametersOf(window(), recipe)["steps"].size(), std::size_t(2));
  }

  // A dataset load requested before the editor opened can finish after it (a busy machine, a
  // slow disk): the editor stays open, and that dataset is where Done goes back to.
  void aLoadRequestedBeforeTheEditorOpenedDoesNotCloseIt() {
    const int recipe = nodeOfType(window().pipeline()->document()->graph(), "recipe");
    window().nodeEditors()->edit(recipe, QStringLiteral("recipe"));
    QTRY_COMPARE_WITH_TIMEOUT(window().recipes()->editedNode(), recipe, kWait);
    const auto datasets = window().document()->datasets();
    QVERIFY(!datasets.empty() && !datasets.front().versions.empty());
    QSignalSpy behind(window().projects(), &lathe::app::ProjectController::versionLoadedBehind);
    QSignalSpy shown(window().projects(), &lathe::app::ProjectController::versionShown);
    window().projects()->showDatasetVersion(datasets.front().versions.front().id);
    window().projects()->supersedeLoads();  // what opening the editor does
    QTRY_COMPARE_WITH_TIMEOUT(behind.count(), 1, kWait);
    QCOMPARE(shown.count(), 0);
    QCOMPARE(window().recipes()->editedNode(), recipe);
    QVERIFY(window().docks().recipePanel->isEditingNode());

    window().docks().recipePanel->nodeBanner()->findChild<QPushButton*>(QStringLiteral("doneEditingNodeButton"))->click();
    QCOMPARE(window().recipes()->editedNode(), 0);
    QVERIFY(!window().docks().recipePanel->isEditingNode());
  }

  void trainNodeOpensTheTrainingPanelAndApplySavesIt() {
    const int train = nodeOfType(window().pipeline()->document()->graph(), "train", "logistic");
    QVERIFY(train);
    auto* panel = window().docks().trainingPanel;
    doubleClick(window(), train);
    QTRY_COMPARE_WITH_TIMEOUT(window().training()->editedNode(), train, kWait);
    QVERIFY(panel->isEditingNode());
    QVERIFY(window().docks().training->isVisible());
    QCOMPARE(panel->algorithm(), QStringLiteral("logistic"));
    QCOMPARE(panel->target(), QStringLiteral("class"));
    QCOMPARE(panel->validation().folds, 5);
    QVERIFY(panel->validation().crossValidation);
    QCOMPARE(panel->findChild<QSpinBox*>(QStringLiteral("max_iter"))->value(), 1000);
    QVERIFY(!panel->findChild<QPushButton*>(QStringLiteral("trainButton"))->isVisible());
    QVERIFY(!window().training()->nodeChanged());

    // 10 folds and a stronger penalty, then Apply to node: one undo step with both.
    panel->setValidationIndex(1);
    auto* c = panel->findChild<QLineEdit*>(QStringLiteral("C"));
    QVERIFY(c);
    c->setText(QStringLiteral("0.25"));
    QVERIFY(window().training()->nodeChanged());
    QUndoStack* undo = window().document()->undoStack();
    const int before = undo->count();
    panel->nodeBanner()->findChild<QPushButton*>(QStringLiteral("applyToNodeButton"))->click();
    QCOMPARE(undo->count(), before + 1);
    json saved = parametersOf(window(), train);
    QCOMPARE(saved["validation"]["folds"].get<int>(), 10);
    QCOMPARE(saved["parameters"]["C"].get<double>(), 0.25);
    QVERIFY(saved["seed"].is_null());  // still the pipeline's seed
    QCOMPARE(saved["learning_curve"].get<bool>(), false);
    QVERIFY(!window().training()->nodeChanged());

    // Undo: the node and the panel go back together.
    undo->undo();
    QCOMPARE(parametersOf(window(), train)["validation"]["folds"].get<int>(), 5);
    QCOMPARE(panel->validation().folds, 5);
    QCOMPARE(panel->findChild<QLineEdit*>(QStringLiteral("C"))->text().toDouble(), 1.0);

    // A scheme the list lacks (7 folds) shows as its own entry and survives an Apply untouched.
    json seven = parametersOf(window(), train);
    seven["validation"]["folds"] = 7;
    window().pipeline()->document()->edit([&](lathe::pipeline::Graph& g) { g.setParameters(train, seven); });
    QCOMPARE(panel->validation().folds, 7);
    QVERIFY(panel->findChild<QComboBox*>(QStringLiteral("validationCombo"))->currentText().contains(QStringLiteral("7")));
    QVERIFY(!window().training()->nodeChanged());

    // Done with a change not yet applied saves it.
    panel->findChild<QSpinBox*>(QStringLiteral("max_iter"))->setValue(500);
    panel->nodeBanner()->findChild<QPushButton*>(QStringLiteral("doneEditingNodeButton"))->click();
    QCOMPARE(window().training()->editedNode(), 0);
    QVERIFY(!panel->isEditingNode());
    QCOMPARE(parametersOf(window(), train)["parameters"]["max_iter"].get<int>(), 500);
    QCOMPARE(parametersOf(window(), train)["validation"]["folds"].get<int>(), 7);
    QVERIFY(panel->findChild<QPushButton*>(QStringLiteral("trainButton"))->isVisible());
  }

  void otherNodesKeepTheParametersForm() {
    // Split has no dock of its own: its double-click opens the parameters form, not a dock.
    const int split = nodeOfType(window().pipeline()->document()->graph(), "split");
    doubleClick(window(), split);
    QTRY_VERIFY(window().findChild<lathe::app::NodeParametersDialog*>());
    QCOMPARE(window().recipes()->editedNode(), 0);
    QCOMPARE(window().training()->editedNode(), 0);
    window().findChild<lathe::app::NodeParametersDialog*>()->reject();
  }

  void deletingTheEditedNodeEndsTheEditing() {
    const int recipe = nodeOfType(window().pipeline()->document()->graph(), "recipe");
    window().nodeEditors()->edit(recipe, QStringLiteral("recipe"));
    QTRY_COMPARE_WITH_TIMEOUT(window().recipes()->editedNode(), recipe, kWait);
    window().pipeline()->scene()->clearSelection();
    window().pipeline()->scene()->nodeItem(recipe)->setSelected(true);
    window().pipeline()->removeSelection();
    QCOMPARE(window().recipes()->editedNode(), 0);
    QVERIFY(!window().docks().recipePanel->isEditingNode());
    window().document()->undoStack()->undo();  // the node is back, and nothing is lost
    QCOMPARE(parametersOf(window(), recipe)["steps"].size(), std::size_t(2));
  }

  void cleanupTestCase() { window_.reset(); }
};

QTEST_MAIN(tst_PipelineNodeEditors)
#include "tst_PipelineNodeEditors.moc"
