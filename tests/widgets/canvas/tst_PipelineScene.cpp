// The pipeline scene as an adapter: its items mirror a Graph (nodes, ports coloured by type,
// links between the right ports), a changed graph updates the same items in place, node states
// show as badges, progress bars and error text, refused links say why, and palette drops name
// the type at a snapped place.
#include <QGraphicsSimpleTextItem>
#include <QMimeData>
#include <QPainter>
#include <QSignalSpy>
#include <QtTest>

#include "engine/pipeline/Graph.h"
#include "engine/pipeline/NodeRegistry.h"
#include "widgets/canvas/LinkItem.h"
#include "widgets/canvas/NodeItem.h"
#include "widgets/canvas/NodePalette.h"
#include "widgets/canvas/PipelineScene.h"
#include "widgets/canvas/PortItem.h"

using namespace lathe::pipeline;
using lathe::widgets::LinkItem;
using lathe::widgets::NodeItem;
using lathe::widgets::NodePalette;
using lathe::widgets::PipelineScene;
using lathe::widgets::PortItem;

namespace {

NodeType kind(std::string id, std::string title, std::vector<PortSpec> inputs, std::vector<PortSpec> outputs) {
  NodeType type;
  type.id = std::move(id);
  type.title = std::move(title);
  type.inputs = std::move(inputs);
  type.outputs = std::move(outputs);
  type.run = [](const NodeRunInput&, lathe::jobs::JobContext&) { return std::vector<NodeValue>{}; };
  return type;
}

// A small credit-scoring pipeline's kinds: data in, a split, a model, scores.
NodeRegistry registry() {
  NodeRegistry r;
  r.add(kind("import", "Import", {}, {{"table", PortType::Table}}));
  r.add(kind("split", "Split", {{"table", PortType::Table}}, {{"train", PortType::Table}, {"test", PortType::Table}}));
  r.add(kind("train", "Train", {{"train", PortType::Table}}, {{"model", PortType::Model}}));
  r.add(kind("evaluate", "Evaluate", {{"model", PortType::Model}, {"test", PortType::Table}},
             {{"metrics", PortType::Metrics}}));
  return r;
}

struct Pipeline {
  Graph graph;
  int import = 0, split = 0, train = 0, evaluate = 0;
  int importToSplit = 0, splitToTrain = 0;
};

Pipeline creditPipeline() {
  Pipeline p;
  p.import = p.graph.addNode("import", {{"file", "credit-g.arff"}}, 0, 0, "German credit");
  p.split = p.graph.addNode("split", {{"test_fraction", 0.25}}, 240, 0);
  p.train = p.graph.addNode("train", {{"algorithm", "logistic"}}, 480, -60);
  p.evaluate = p.graph.addNode("evaluate", nlohmann::json::object(), 720, 0);
  p.importToSplit = p.graph.addLink(p.import, 0, p.split, 0);
  p.splitToTrain = p.graph.addLink(p.split, 0, p.train, 0);
  return p;
}

int pixelsNear(const QImage& image, QColor colour, const QRect& area) {
  int count = 0;
  for (int y = std::max(0, area.top()); y <= std::min(image.height() - 1, area.bottom()); ++y)
    for (int x = std::max(0, area.left()); x <= std::min(image.width() - 1, area.right()); ++x) {
      const QColor c = image.pixelColor(x, y);
      count += std::abs(c.red() - colour.red()) < 30 && std::abs(c.green() - colour.green()) < 30 &&
               std::abs(c.blue() - colour.blue()) < 30;
    }
  return count;
}

}  // namespace

class tst_PipelineScene : public QObject {
  Q_OBJECT
 private slots:
  void itemsMirrorTheGraph() {
    const NodeRegistry types = registry();
    Pipeline p = creditPipeline();
    PipelineScene scene;
    scene.setGraph(p.graph, types);

    QCOMPARE(scene.nodeItems().size(), 4);
    QCOMPARE(scene.linkItems().size(), 2);
    NodeItem* import = scene.nodeItem(p.import);
    NodeItem* split = scene.nodeItem(p.split);
    NodeItem* evaluate = scene.nodeItem(p.evaluate);
    QVERIFY(import && split && evaluate);
    QCOMPARE(import->title(), QStringLiteral("German credit"));  // the user's title wins
    QCOMPARE(split->title(), QStringLiteral("Split"));           // else the kind's name
    QCOMPARE(split->pos(), QPointF(240, 0));
    QCOMPARE(scene.nodeItem(p.train)->pos(), QPointF(480, -60));
    QCOMPARE(import->inputs().size(), 0);
    QCOMPARE(split->outputs().size(), 2);
    QCOMPARE(evaluate->inputs().size(), 2);
    QCOMPARE(evaluate->input(0)->portType(), PortType::Model);
    QCOMPARE(evaluate->input(0)->brush().color(), PortItem::colorFor(PortType::Model));
    QCOMPARE(evaluate->input(1)->brush().color(), PortItem::colorFor(PortType::Table));
    QVERIFY(PortItem::colorFor(PortType::Model) != PortItem::colorFor(PortType::Table));
    QCOMPARE(import->state(), NodeState::Idle);
    QCOMPARE(import->badgeText(), QStringLiteral("Idle"));

    // Links run from the output port's dot to the input port's dot.
    LinkItem* link = scene.linkItem(p.splitToTrain);
    QVERIFY(link);
    QCOMPARE(link->from(), split->output(0)->anchor());
    QCOMPARE(link->to(), scene.nodeItem(p.train)->input(0)->anchor());
    QCOMPARE(link->path().pointAtPercent(0.0), link->from());
    QCOMPARE(link->path().pointAtPercent(1.0), link->to());
    QCOMPARE(link->pen().color(), PortItem::colorFor(PortType::Table));
  }

  void aGraphChangeUpdatesTheSameItems() {
    const NodeRegistry types = registry();
    Pipeline p = creditPipeline();
    PipelineScene scene;
    scene.setGraph(p.graph, types);
    NodeItem* split = scene.nodeItem(p.split);
    NodeItem* train = scene.nodeItem(p.train);
    train->setSelected(true);
    scene.setNodeState(p.split, NodeState::Done);

    p.graph.move(p.split, 250, 100);
    p.graph.setTitle(p.split, "Hold-out 25%");
    p.graph.removeNode(p.import);  // takes its link along
    const int toEvaluate = p.graph.addLink(p.train, 0, p.evaluate, 0);
    scene.setGraph(p.graph, types);

    QCOMPARE(scene.nodeItems().size(), 3);
    QVERIFY(!scene.nodeItem(p.import));
    QCOMPARE(scene.nodeItem(p.split), split);  // kept, not rebuilt
    QCOMPARE(split->pos(), QPointF(250, 100));  // the graph's place, not snapped
    QCOMPARE(split->title(), QStringLiteral("Hold-out 25%"));
    QCOMPARE(split->state(), NodeState::Done);  // states survive an update
    QVERIFY(train->isSelected());
    QCOMPARE(scene.selectedNodeIds(), QList<int>{p.train});
    QCOMPARE(scene.linkItems().size(), 2);
    QVERIFY(!scene.linkItem(p.importToSplit));
    QVERIFY(scene.linkItem(toEvaluate));
    QCOMPARE(scene.linkItem(toEvaluate)->pen().color(), PortItem::colorFor(PortType::Model));
    // The kept link followed the moved node.
    QCOMPARE(scene.linkItem(p.splitToTrain)->from(), split->output(0)->anchor());

    // Moving an item on the canvas (as a drag does) drags its links along and snaps to 10 px.
    split->setPos(333, 127);
    QCOMPARE(split->pos(), QPointF(330, 130));
    QCOMPARE(scene.linkItem(p.splitToTrain)->from(), split->output(0)->anchor());
  }

  void statesShowAsBadgesProgressAndErrors() {
    const NodeRegistry types = registry();
    Pipeline p = creditPipeline();
    PipelineScene scene;
    scene.setGraph(p.graph, types);
    NodeItem* train = scene.nodeItem(p.train);
    const QRectF plain = train->boundingRect();

    scene.setNodeState(p.train, NodeState::Running);
    scene.setNodeProgress(p.train, 0.4);
    QCOMPARE(train->badgeText(), QStringLiteral("Running"));
    QVERIFY(train->showsProgress());
    QCOMPARE(train->progress(), 0.4);

    // What is drawn: the running badge's colour in the header, the bar along the bottom.
    auto render = [&] {
      QImage image(400, 300, QImage::Format_ARGB32);
      image.fill(Qt::white);
      QPainter painter(&image);
      const QRectF source = train->sceneBoundingRect().adjusted(-10, -10, 10, 120);
      scene.render(&painter, QRectF(0, 0, source.width(), source.height()), source);
      return image;
    };
    const QColor running = NodeItem::stateColor(NodeState::Running);
    QImage image = render();
    const int bodyBottom = int(10 + train->boundingRect().height() - 2);
    QVERIFY(pixelsNear(image, running, QRect(0, 0, 400, 40)) > 30);                        // badge
    QVERIFY(pixelsNear(image, running, QRect(0, bodyBottom - 14, 400, 14)) > 20);          // bar

    scene.setNodeState(p.train, NodeState::Failed, QStringLiteral("the target column \"class\" is missing"));
    QCOMPARE(train->badgeText(), QStringLiteral("Failed"));
    QVERIFY(!train->showsProgress());
    QVERIFY(train->showsError());
    QVERIFY(train->boundingRect().height() > plain.height() + 10);  // the error text below
    QVERIFY(train->toolTip().contains(QStringLiteral("is missing")));
    image = render();
    const QColor failed = NodeItem::stateColor(NodeState::Failed);
    QVERIFY(pixelsNear(image, failed, QRect(0, int(10 + plain.height()), 400, 60)) > 20);  // the error box

    scene.setNodeState(p.train, NodeState::Done);
    QVERIFY(!train->showsError());
    QCOMPARE(train->boundingRect(), plain);
    QCOMPARE(NodeItem::stateText(NodeState::Stale), QStringLiteral("Stale"));
    QCOMPARE(NodeItem::stateText(NodeState::Queued), QStringLiteral("Queued"));
    QCOMPARE(NodeItem::stateText(NodeState::Cancelled), QStringLiteral("Cancelled"));
    scene.setNodeState(9999, NodeState::Done);  // a node gone meanwhile: ignored
  }

  void refusedLinksSayWhy() {
    const NodeRegistry types = registry();
    Pipeline p = creditPipeline();
    PipelineScene scene;
    scene.setGraph(p.graph, types);
    // The model output feeds the model input; the metrics-less split table does not.
    QVERIFY(scene.refusalReason(p.train, 0, p.evaluate, 0).isEmpty());
    QCOMPARE(scene.refusalReason(p.split, 1, p.evaluate, 0),
             QStringLiteral("The output “test” gives a table, but the input “model” takes a model"));
    QCOMPARE(scene.refusalReason(p.import, 0, p.split, 0), QStringLiteral("The input “table” is already connected"));
    QCOMPARE(scene.refusalReason(p.split, 0, p.split, 0), QStringLiteral("A node cannot feed itself"));
    Graph cyclic;
    const int a = cyclic.addNode("split");
    const int b = cyclic.addNode("split");
    cyclic.addLink(a, 0, b, 0);
    scene.setGraph(cyclic, types);
    QCOMPARE(scene.refusalReason(b, 0, a, 0), QStringLiteral("The link would make a cycle"));
  }

  void paletteDropsNameTheTypeAtASnappedPlace() {
    const NodeRegistry types = registry();
    NodePalette palette;
    palette.setRegistry(types);
    QCOMPARE(palette.typeIds(), (QStringList{"evaluate", "import", "split", "train"}));  // by name
    QCOMPARE(palette.itemFor("train")->text(), QStringLiteral("Train"));
    QVERIFY(palette.itemFor("evaluate")->toolTip().contains(QStringLiteral("model (model)")));

    PipelineScene scene;
    scene.setGraph(Graph(), types);
    QSignalSpy dropped(&scene, &PipelineScene::nodeDropped);
    std::unique_ptr<QMimeData> mime(NodePalette::mimeDataFor("train"));
    QVERIFY(scene.dropNodeType(mime.get(), QPointF(123.4, 76)));
    QCOMPARE(dropped.count(), 1);
    QCOMPARE(dropped.at(0).at(0).toString(), QStringLiteral("train"));
    QCOMPARE(dropped.at(0).at(1).toPointF(), QPointF(120, 80));
    std::unique_ptr<QMimeData> unknown(NodePalette::mimeDataFor("teleport"));
    QVERIFY(!scene.dropNodeType(unknown.get(), QPointF(0, 0)));
    QMimeData files;
    files.setUrls({QUrl::fromLocalFile("/tmp/credit-g.arff")});
    QVERIFY(!scene.dropNodeType(&files, QPointF(0, 0)));
    QCOMPARE(dropped.count(), 1);
  }

  void deleteKeyAsksToRemoveTheSelection() {
    const NodeRegistry types = registry();
    Pipeline p = creditPipeline();
    PipelineScene scene;
    scene.setGraph(p.graph, types);
    QSignalSpy removed(&scene, &PipelineScene::deleteRequested);
    scene.nodeItem(p.split)->setSelected(true);
    scene.linkItem(p.splitToTrain)->setSelected(true);
    QKeyEvent press(QEvent::KeyPress, Qt::Key_Delete, Qt::NoModifier);
    QCoreApplication::sendEvent(&scene, &press);
    QCOMPARE(removed.count(), 1);
    QCOMPARE(removed.at(0).at(0).value<QList<int>>(), QList<int>{p.split});
    QCOMPARE(removed.at(0).at(1).value<QList<int>>(), QList<int>{p.splitToTrain});
    QCOMPARE(scene.nodeItems().size(), 4);  // an intent only: the graph decides
  }
};

QTEST_MAIN(tst_PipelineScene)
#include "tst_PipelineScene.moc"
