// The pipeline canvas driven like a user: node types dropped from the palette (a drop event with
// the palette's own drag data on the view's viewport: offscreen Qt cannot run a real QDrag),
// ports linked and nodes moved with QTest mouse presses, moves and releases on the viewport, an
// incompatible link refused with its reason, rubber-band selection, Delete, Ctrl+C/Ctrl+V,
// undo/redo of every edit, the parameters form on double-click, then Run all until every node
// is Done, a rerun that reuses them, a failing node showing its error, and Cancel on a slow
// node. The node kinds are made here (counting their runs); the window test at the end uses
// the real catalogue.
#include <QApplication>
#include <QDialog>
#include <QDockWidget>
#include <QDropEvent>
#include <QGraphicsSimpleTextItem>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QMimeData>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QUndoStack>
#include <QtTest>
#include <atomic>
#include <chrono>
#include <thread>

#include "IsolatedSettings.h"
#include "app/desktop/MainWindow.h"
#include "app/desktop/NodeParametersDialog.h"
#include "app/desktop/PipelineController.h"
#include "app/desktop/StudioDocks.h"
#include "app/document/PipelineDocument.h"
#include "app/document/ProjectDocument.h"
#include "app/jobs/JobManager.h"
#include "engine/core/Error.h"
#include "engine/jobs/JobContext.h"
#include "engine/pipeline/Executor.h"
#include "engine/pipeline/NodeRegistry.h"
#include "engine/store/PipelineRepository.h"
#include "engine/store/Project.h"
#include "widgets/canvas/LinkItem.h"
#include "widgets/canvas/NodeItem.h"
#include "widgets/canvas/NodePalette.h"
#include "widgets/canvas/PipelineCanvasView.h"
#include "widgets/canvas/PipelineScene.h"
#include "widgets/canvas/PortItem.h"

using namespace lathe;
using namespace lathe::pipeline;
using app::PipelineController;
using widgets::NodeItem;
using widgets::PipelineScene;

namespace {

std::atomic<int> sourceRuns{0};
std::atomic<int> trainRuns{0};
std::atomic<int> evaluateRuns{0};

double number(const NodeRunInput& in, std::size_t port) {
  const auto value = in.input<double>(port);
  if (!value) throw Error(ErrorCode::Internal, "an input is missing");
  return *value;
}

NodeValue valueOf(PortType type, double x) { return NodeValue::of<double>(type, std::make_shared<const double>(x)); }

NodeType kind(std::string id, std::string title, std::vector<PortSpec> inputs, std::vector<PortSpec> outputs,
              nlohmann::json defaults, NodeType::Run run) {
  NodeType type;
  type.id = std::move(id);
  type.title = std::move(title);
  type.inputs = std::move(inputs);
  type.outputs = std::move(outputs);
  type.defaultParameters = std::move(defaults);
  type.run = std::move(run);
  return type;
}

// Rows in, a "model" (their mean), its "metrics" (the test rows' distance to it); a slow step
// that only stops when told, and one that always fails.
std::shared_ptr<const NodeRegistry> testRegistry() {
  auto registry = std::make_shared<NodeRegistry>();
  const PortSpec table{"table", PortType::Table};
  registry->add(kind("source", "Source", {}, {table}, {{"rows", 5}}, [](const NodeRunInput& in, jobs::JobContext&) {
    ++sourceRuns;
    return std::vector<NodeValue>{valueOf(PortType::Table, in.parameters.at("rows").get<double>())};
  }));
  registry->add(kind("train", "Train", {table}, {{"model", PortType::Model}}, nlohmann::json::object(),
                     [](const NodeRunInput& in, jobs::JobContext& context) {
                       ++trainRuns;
                       context.progress(0.5);
                       return std::vector<NodeValue>{valueOf(PortType::Model, number(in, 0) / 2)};
                     }));
  registry->add(kind("evaluate", "Evaluate", {{"model", PortType::Model}, {"test", PortType::Table}},
                     {{"metrics", PortType::Metrics}}, nlohmann::json::object(),
                     [](const NodeRunInput& in, jobs::JobContext&) {
                       ++evaluateRuns;
                       return std::vector<NodeValue>{valueOf(PortType::Metrics, number(in, 1) - number(in, 0))};
                     }));
  registry->add(kind("slow", "Slow", {table}, {table}, nlohmann::json::object(),
                     [](const NodeRunInput& in, jobs::JobContext& context) {
                       for (int step = 0; step < 2000; ++step) {  // 20 s unless cancelled
                         context.throwIfStopped();
                         context.progress(step / 2000.0);
                         std::this_thread::sleep_for(std::chrono::milliseconds(10));
                       }
                       return std::vector<NodeValue>{valueOf(PortType::Table, number(in, 0))};
                     }));
  registry->add(kind("fail", "Fail", {table}, {table}, nlohmann::json::object(),
                     [](const NodeRunInput&, jobs::JobContext&) -> std::vector<NodeValue> {
                       throw Error(ErrorCode::InvalidArgument, "the column \"class\" is missing");
                     }));
  return registry;
}

// The canvas as the window has it, without the rest of the window: palette, view, controller.
struct Harness {
  QTemporaryDir dir;
  app::ProjectDocument document;
  app::JobManager jobs;
  QWidget window;
  widgets::NodePalette* palette = new widgets::NodePalette;
  widgets::PipelineCanvasView* view = new widgets::PipelineCanvasView;
  PipelineController* controller = nullptr;

  Harness() {
    store::ProjectInfo info;
    info.name = "Canvas test";
    document.setProject(store::Project::create(dir.filePath("canvas.lathe").toStdString(), info));
    auto* layout = new QHBoxLayout(&window);
    layout->addWidget(palette);
    layout->addWidget(view, 1);
    window.resize(1200, 700);
    controller = new PipelineController(&document, &jobs, view, palette, testRegistry(), &window);
  }
  ~Harness() { jobs.shutdown(); }
  PipelineScene* scene() const { return controller->scene(); }
  const Graph& graph() const { return controller->document()->graph(); }
  QUndoStack* undo() { return document.undoStack(); }
  QWidget* viewport() const { return view->viewport(); }
  QPoint at(QPointF scenePoint) const { return view->mapFromScene(scenePoint); }

  // Drops `type` from the palette at `where` on the viewport, with the drag data the palette
  // itself makes for its row.
  void drop(const QString& type, QPoint where) {
    int row = palette->typeIds().indexOf(type);
    QVERIFY(row >= 0);
    std::unique_ptr<QMimeData> mime(palette->model()->mimeData({palette->model()->index(row, 0)}));
    QVERIFY(mime);
    QDragEnterEvent enter(where, Qt::CopyAction, mime.get(), Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(viewport(), &enter);
    QVERIFY(enter.isAccepted());
    QDragMoveEvent move(where, Qt::CopyAction, mime.get(), Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(viewport(), &move);
    QDropEvent drop(QPointF(where), Qt::CopyAction, mime.get(), Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(viewport(), &drop);
  }
  int nodeAt(QPoint where) const {
    const QPointF place = NodeItem::snapped(view->mapToScene(where));
    for (const auto& [id, node] : graph().nodes())
      if (QPointF(node.x, node.y) == place) return id;
    return 0;
  }
  // A press on one port, a move and a release on another: a link drag.
  void drag(QPoint from, QPoint to) {
    QTest::mousePress(viewport(), Qt::LeftButton, Qt::NoModifier, from);
    QTest::mouseMove(viewport(), (from + to) / 2);
    QTest::mouseMove(viewport(), to);
    QTest::mouseRelease(viewport(), Qt::LeftButton, Qt::NoModifier, to);
  }
  QPoint output(int node, int port) const { return at(scene()->nodeItem(node)->output(port)->anchor()); }
  QPoint input(int node, int port) const { return at(scene()->nodeItem(node)->input(port)->anchor()); }
  QPoint header(int node) const { return at(scene()->nodeItem(node)->pos() + QPointF(40, 12)); }
  NodeState state(int node) const { return scene()->nodeItem(node)->state(); }
};

}  // namespace

class tst_PipelineCanvas : public QObject {
  Q_OBJECT
  IsolatedSettings settings_;

 private slots:
  void buildEditAndRunAPipelineWithTheMouse() {
    Harness h;
    h.window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&h.window));
    h.view->centerOn(300, 150);
    QCOMPARE(h.palette->typeIds(), (QStringList{"evaluate", "fail", "slow", "source", "train"}));

    // Three nodes from the palette.
    h.drop("source", h.at({20, 20}));
    h.drop("train", h.at({260, 20}));
    h.drop("evaluate", h.at({500, 100}));
    QCOMPARE(h.graph().nodes().size(), 3u);
    const int source = h.nodeAt(h.at({20, 20}));
    const int train = h.nodeAt(h.at({260, 20}));
    const int evaluate = h.nodeAt(h.at({500, 100}));
    QVERIFY(source && train && evaluate);
    QCOMPARE(h.scene()->nodeItems().size(), 3);
    QCOMPARE(h.scene()->nodeItem(train)->title(), QStringLiteral("Train"));
    QCOMPARE(h.undo()->count(), 3);
    QCOMPARE(h.undo()->text(0), QStringLiteral("Add node “Source”"));

    // Output port to input port links them.
    h.drag(h.output(source, 0), h.input(train, 0));
    QCOMPARE(h.graph().links().size(), 1u);
    const GraphLink first = h.graph().links().begin()->second;
    QCOMPARE(first.fromNode, source);
    QCOMPARE(first.toNode, train);
    QCOMPARE(h.scene()->linkItems().size(), 1);

    // A table into the model input is refused, and the canvas says why near the port.
    QSignalSpy notices(h.controller, &PipelineController::notice);
    h.drag(h.output(source, 0), h.input(evaluate, 0));
    QCOMPARE(h.graph().links().size(), 1u);
    const QString why = QStringLiteral("The output “table” gives a table, but the input “model” takes a model");
    QCOMPARE(h.scene()->lastRefusal(), why);
    QVERIFY(h.scene()->refusalNote() && h.scene()->refusalNote()->isVisible());
    QCOMPARE(h.scene()->refusalNote()->text(), why);
    QCOMPARE(notices.count(), 1);
    QVERIFY(notices.at(0).at(0).toString().contains(why));
    QCOMPARE(h.undo()->count(), 4);  // nothing to undo for a refusal

    // Dragging from an input back to an output works too.
    h.drag(h.input(evaluate, 0), h.output(train, 0));
    h.drag(h.output(source, 0), h.input(evaluate, 1));
    QCOMPARE(h.graph().links().size(), 3u);
    QVERIFY(h.graph().linkInto(evaluate, 0) && h.graph().linkInto(evaluate, 0)->fromNode == train);

    // Undo and redo the last link.
    h.undo()->undo();
    QCOMPARE(h.graph().links().size(), 2u);
    QCOMPARE(h.scene()->linkItems().size(), 2);
    h.undo()->redo();
    QCOMPARE(h.graph().links().size(), 3u);

    // Move a node by its header: it snaps to 10 px, its links follow, undo puts it back.
    const QPointF before = h.scene()->nodeItem(evaluate)->pos();
    const QPoint grab = h.header(evaluate);
    QTest::mousePress(h.viewport(), Qt::LeftButton, Qt::NoModifier, grab);
    QTest::mouseMove(h.viewport(), grab + QPoint(20, 20));
    QTest::mouseMove(h.viewport(), grab + QPoint(47, 63));
    QTest::mouseRelease(h.viewport(), Qt::LeftButton, Qt::NoModifier, grab + QPoint(47, 63));
    const GraphNode moved = *h.graph().node(evaluate);  // a copy: every edit replaces the graph
    QVERIFY(moved.x != before.x() || moved.y != before.y());
    QCOMPARE(std::fmod(moved.x, 10.0), 0.0);
    QCOMPARE(std::fmod(moved.y, 10.0), 0.0);
    QCOMPARE(h.scene()->linkItem(h.graph().linkInto(evaluate, 1)->id)->to(),
             h.scene()->nodeItem(evaluate)->input(1)->anchor());
    QCOMPARE(h.undo()->text(h.undo()->count() - 1), QStringLiteral("Move 1 node(s)"));
    h.undo()->undo();
    QCOMPARE(QPointF(h.graph().node(evaluate)->x, h.graph().node(evaluate)->y), before);
    QCOMPARE(h.scene()->nodeItem(evaluate)->pos(), before);
    h.undo()->redo();
    QCOMPARE(h.scene()->nodeItem(evaluate)->pos(), QPointF(moved.x, moved.y));

    // Rubber band over the empty canvas selects the nodes it touches.
    const QPoint bandStart = h.at({0, -40});
    const QPoint bandEnd = h.at({430, 60});
    QTest::mousePress(h.viewport(), Qt::LeftButton, Qt::NoModifier, bandStart);
    QTest::mouseMove(h.viewport(), bandStart + QPoint(30, 30));
    QTest::mouseMove(h.viewport(), bandEnd);
    QTest::mouseRelease(h.viewport(), Qt::LeftButton, Qt::NoModifier, bandEnd);
    QList<int> selected = h.scene()->selectedNodeIds();
    QVERIFY2(selected.contains(source) && selected.contains(train) && !selected.contains(evaluate),
             qPrintable(QString::number(selected.size())));

    // Delete removes a node and its two links; undo brings all three back with their ids.
    h.scene()->selectNodes({evaluate});
    const std::map<int, GraphLink> linksBefore = h.graph().links();
    h.view->setFocus();
    QTest::keyClick(h.view, Qt::Key_Delete);
    QVERIFY(!h.graph().node(evaluate));
    QCOMPARE(h.graph().links().size(), 1u);
    QVERIFY(!h.scene()->nodeItem(evaluate));
    h.undo()->undo();
    QVERIFY(h.graph().node(evaluate));
    QCOMPARE(h.graph().links().size(), 3u);
    for (const auto& [id, link] : linksBefore) QVERIFY(h.graph().link(id));
    QCOMPARE(h.scene()->linkItems().size(), 3);
    h.undo()->redo();
    QCOMPARE(h.graph().nodes().size(), 2u);
    h.undo()->undo();

    // Copy and paste two nodes and the link between them, offset; undo removes the copies.
    h.scene()->selectNodes({source, train});
    QTest::keyClick(h.view, Qt::Key_C, Qt::ControlModifier);
    QTest::keyClick(h.view, Qt::Key_V, Qt::ControlModifier);
    QCOMPARE(h.graph().nodes().size(), 5u);
    QCOMPARE(h.graph().links().size(), 4u);
    const QList<int> pasted = h.scene()->selectedNodeIds();
    QCOMPARE(pasted.size(), 2);
    QVERIFY(!pasted.contains(source) && !pasted.contains(train));
    const GraphNode copy = *h.graph().node(pasted.front());
    QCOMPARE(copy.type, std::string("source"));
    QCOMPARE(QPointF(copy.x, copy.y), QPointF(h.graph().node(source)->x + 30, h.graph().node(source)->y + 30));
    QCOMPARE(h.graph().linksFrom(pasted.front()).size(), 1u);
    h.undo()->undo();
    QCOMPARE(h.graph().nodes().size(), 3u);
    QCOMPARE(h.graph().links().size(), 3u);

    // Align left lines the selected nodes up on the leftmost.
    h.scene()->selectNodes({source, evaluate});
    h.controller->alignLeftAction()->trigger();
    QCOMPARE(h.graph().node(evaluate)->x, h.graph().node(source)->x);
    h.undo()->undo();

    // Every edit is in the project file: reopen it and the pipeline is there.
    {
      auto reopened = store::Project::open(h.dir.filePath("canvas.lathe").toStdString());
      const auto stored = store::PipelineRepository(reopened->db()).list();
      QCOMPARE(stored.size(), 1u);
      QCOMPARE(stored.front().name, std::string("Pipeline"));
      const Graph saved = Graph::fromJsonText(stored.front().definitionJson);
      QCOMPARE(saved.nodes().size(), 3u);
      QCOMPARE(saved.links().size(), 3u);
    }

    // Run all: every node ends Done; a second run reuses them all.
    sourceRuns = trainRuns = evaluateRuns = 0;
    QCOMPARE(h.state(source), NodeState::Idle);
    h.controller->runAll();
    QVERIFY(h.controller->isRunning());
    QTRY_VERIFY_WITH_TIMEOUT(!h.controller->isRunning(), 10000);
    for (const int node : {source, train, evaluate}) {
      QCOMPARE(h.state(node), NodeState::Done);
      QCOMPARE(h.scene()->nodeItem(node)->badgeText(), QStringLiteral("Done"));
    }
    QCOMPARE(sourceRuns.load() + trainRuns.load() + evaluateRuns.load(), 3);
    const auto metrics = h.controller->executor()->outputs(h.graph(), h.controller->registry(), evaluate);
    QVERIFY(metrics);
    QCOMPARE(*metrics->front().get<double>(), 2.5);  // 5 rows, model 2.5
    h.controller->runAll();
    QTRY_VERIFY_WITH_TIMEOUT(!h.controller->isRunning(), 10000);
    QCOMPARE(sourceRuns.load() + trainRuns.load() + evaluateRuns.load(), 3);

    // Double-click opens the parameters form; a new value makes the node and those after it stale.
    const QPoint sourceHeader = h.header(source);
    QTest::mouseDClick(h.viewport(), Qt::LeftButton, Qt::NoModifier, sourceHeader);
    app::NodeParametersDialog* dialog = nullptr;
    QTRY_VERIFY((dialog = h.view->findChild<app::NodeParametersDialog*>()) != nullptr);
    QVERIFY(dialog->field("rows"));
    QCOMPARE(dialog->field("rows")->text(), QStringLiteral("5"));
    dialog->field("rows")->setText("9");
    dialog->accept();
    QCOMPARE(h.graph().node(source)->parameters.at("rows").get<int>(), 9);
    QCOMPARE(h.state(source), NodeState::Stale);
    QCOMPARE(h.state(evaluate), NodeState::Stale);
    h.controller->runAll();
    QTRY_VERIFY_WITH_TIMEOUT(!h.controller->isRunning(), 10000);
    QCOMPARE(*h.controller->executor()->outputs(h.graph(), h.controller->registry(), evaluate)->front().get<double>(), 4.5);

    // A failing node shows its error on the canvas; nodes after it are not run.
    h.drop("fail", h.at({20, 300}));
    const int fail = h.nodeAt(h.at({20, 300}));
    QVERIFY(fail);
    h.drag(h.output(source, 0), h.input(fail, 0));
    h.controller->runAll();
    QTRY_VERIFY_WITH_TIMEOUT(!h.controller->isRunning(), 10000);
    QCOMPARE(h.state(fail), NodeState::Failed);
    QVERIFY(h.scene()->nodeItem(fail)->showsError());
    QVERIFY(h.scene()->nodeItem(fail)->message().contains(QStringLiteral("\"class\" is missing")));
    QCOMPARE(h.state(evaluate), NodeState::Done);  // the other branch finished
    h.undo()->undo();                               // the link: the error stays on its node
    QCOMPARE(h.state(fail), NodeState::Failed);

    // Cancel a slow node while it runs: it ends Cancelled, the rest stays done.
    h.drop("slow", h.at({20, 450}));
    const int slow = h.nodeAt(h.at({20, 450}));
    h.drag(h.output(source, 0), h.input(slow, 0));
    h.scene()->selectNodes({slow});
    h.controller->runSelected();
    QTRY_COMPARE_WITH_TIMEOUT(h.state(slow), NodeState::Running, 5000);
    QVERIFY(h.scene()->nodeItem(slow)->showsProgress());
    QTRY_VERIFY_WITH_TIMEOUT(h.scene()->nodeItem(slow)->progress() > 0.0, 5000);
    QElapsedTimer timer;
    timer.start();
    h.controller->cancel();
    QTRY_VERIFY_WITH_TIMEOUT(!h.controller->isRunning(), 5000);
    QVERIFY2(timer.elapsed() < 2000, qPrintable(QString::number(timer.elapsed())));
    QCOMPARE(h.state(slow), NodeState::Cancelled);
    QCOMPARE(h.scene()->nodeItem(slow)->badgeText(), QStringLiteral("Cancelled"));
    QCOMPARE(h.state(source), NodeState::Done);
  }

  void theWindowHasThePaletteAndRunsWithF5() {
    app::MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QDockWidget* dock = window.findChild<QDockWidget*>(QStringLiteral("dock.palette"));
    QVERIFY(dock);
    QCOMPARE(window.dockWidgetArea(dock), Qt::LeftDockWidgetArea);
    const QStringList types = window.docks().nodePalette->typeIds();
    for (const char* type : {"import", "recipe", "split", "train", "evaluate", "compare", "predict", "export", "note"})
      QVERIFY2(types.contains(QLatin1String(type)), type);
    PipelineController* controller = window.pipeline();
    QVERIFY(controller);
    QCOMPARE(window.canvas()->scene(), controller->scene());

    QAction* run = nullptr;
    for (QAction* action : window.findChildren<QAction*>())
      if (action->shortcut() == QKeySequence(Qt::Key_F5)) run = action;
    QVERIFY(run);
    QVERIFY(!run->isEnabled());  // nothing to run yet

    // A node added from the palette (Enter on its row) starts a scratch project to keep it in.
    widgets::NodePalette* palette = window.docks().nodePalette;
    palette->setCurrentItem(palette->itemFor("note"));
    QTest::keyClick(palette, Qt::Key_Return);
    QVERIFY(window.document()->hasProject());
    QCOMPARE(controller->document()->graph().nodes().size(), 1u);
    QVERIFY(run->isEnabled());
    run->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(!controller->isRunning(), 10000);
    const int note = controller->document()->graph().nodes().begin()->first;
    QCOMPARE(controller->scene()->nodeItem(note)->state(), NodeState::Done);
  }
};

QTEST_MAIN(tst_PipelineCanvas)
#include "tst_PipelineCanvas.moc"
