// The decision-tree view on real trees (penguins.csv, credit-g.arff, cpu.arff fitted through the
// engine's TreeDiagram) and on made-up deep and wide ones: the boxes and what they show, edge
// labels, class colours, zoom and fit, folding of deep trees and opening by double-click, export.
#include <QElapsedTimer>
#include <QGraphicsPathItem>
#include <QGraphicsScene>
#include <QGraphicsSimpleTextItem>
#include <QTemporaryDir>
#include <QWheelEvent>
#include <QtTest>
#include <stop_token>

#include "../../engine/DatasetFiles.h"
#include "engine/experiments/TrainedModel.h"
#include "engine/experiments/TreeDiagram.h"
#include "engine/ml/EstimatorRegistry.h"
#include "widgets/charts/ChartStyle.h"
#include "widgets/charts/DecisionTreeView.h"

using namespace lathe;
using lathe::experiments::TreeDiagram;
using lathe::widgets::DecisionTreeView;

namespace {

TreeDiagram diagramOf(const std::string& file, const std::string& target, const nlohmann::json& parameters) {
  const auto table = importDataset(file);
  experiments::TrainedModel model{ml::FeatureEncoder::fit(table, target, {}, ml::EstimatorRegistry::categoriesFor("tree")),
                                  ml::EstimatorRegistry::create("tree", parameters)};
  jobs::NullProgressSink sink;
  std::stop_source stop;
  model.estimator->fit(model.encoder.encodeTraining(table), jobs::JobContext(stop.get_token(), sink));
  const auto diagram = TreeDiagram::of(model);
  if (!diagram) qFatal("no diagram");
  return *diagram;
}

// A made-up tree: a complete binary tree of `depth` levels below the root, in preorder.
void addComplete(TreeDiagram& tree, int depth, int level) {
  const int index = static_cast<int>(tree.nodes.size());
  TreeDiagram::Node node;
  node.depth = level;
  node.samples = std::ldexp(1.0, depth - level);
  node.distribution = {0.5, 0.5};
  node.prediction = "a";
  tree.nodes.push_back(node);
  if (level == depth) return;
  tree.nodes[static_cast<std::size_t>(index)].split = "x <= " + std::to_string(level);
  tree.nodes[static_cast<std::size_t>(index)].left = static_cast<int>(tree.nodes.size());
  addComplete(tree, depth, level + 1);
  tree.nodes[static_cast<std::size_t>(index)].right = static_cast<int>(tree.nodes.size());
  addComplete(tree, depth, level + 1);
}

// A made-up chain: every split has a leaf on its left and the rest of the chain on its right.
TreeDiagram chain(int splits) {
  TreeDiagram tree;
  tree.classes = {"a", "b"};
  for (int i = 0; i < splits; ++i) {
    const int at = static_cast<int>(tree.nodes.size());
    tree.nodes.push_back({"x <= " + std::to_string(i), "<= " + std::to_string(i), "> " + std::to_string(i), at + 1, at + 2,
                          i, double(splits - i + 1), {0.5, 0.5}, "a", 0.5, true});
    tree.nodes.push_back({"", "", "", -1, -1, i + 1, 1, {1.0, 0.0}, "a", 0, true});
  }
  tree.nodes.push_back({"", "", "", -1, -1, splits, 1, {0.0, 1.0}, "b", 0, true});
  return tree;
}

QStringList sceneTexts(const QGraphicsScene& scene) {
  QStringList out;
  for (QGraphicsItem* item : scene.items())
    if (auto* text = dynamic_cast<QGraphicsSimpleTextItem*>(item)) out << text->text();
  return out;
}

// The box whose tooltip starts with `prefix`.
QGraphicsPathItem* boxWithTip(const QGraphicsScene& scene, const QString& prefix) {
  for (QGraphicsItem* item : scene.items())
    if (auto* box = dynamic_cast<QGraphicsPathItem*>(item); box && box->toolTip().startsWith(prefix)) return box;
  return nullptr;
}

bool showsWholeScene(const DecisionTreeView& view) {
  const QRectF visible = view.mapToScene(view.viewport()->rect()).boundingRect().adjusted(-2, -2, 2, 2);
  return visible.contains(view.scene()->sceneRect());
}

}  // namespace

class tst_DecisionTreeView : public QObject {
  Q_OBJECT
 private slots:
  void emptyViewSaysWhatToDo() {
    DecisionTreeView view;
    QCOMPARE(view.objectName(), QStringLiteral("decisionTreeView"));
    QVERIFY(!view.emptyStateText().isEmpty());
    QCOMPARE(view.nodeItemCount(), 0);
    QVERIFY(view.nodeText(0).isEmpty());
    QTemporaryDir dir;
    QVERIFY(!view.exportTo(dir.filePath(QStringLiteral("tree.png"))).isEmpty());
  }

  void penguinTreeBoxesShowSplitsCountsAndClasses() {
    const TreeDiagram diagram = diagramOf("penguins.csv", "Species", {{"max_depth", 3}});
    DecisionTreeView view;
    view.resize(900, 600);
    view.setTree(diagram);
    QVERIFY(view.emptyStateText().isEmpty());
    QCOMPARE(view.nodeItemCount(), static_cast<int>(diagram.nodes.size()));
    QCOMPARE(view.collapsedItemCount(), 0);

    const QString root = view.nodeText(0);
    QVERIFY2(root.startsWith(QString::fromStdString(diagram.nodes[0].split)), qPrintable(root));
    QVERIFY2(root.contains(QStringLiteral("samples 344")), qPrintable(root));
    int leaf = 0;
    while (!diagram.nodes[static_cast<std::size_t>(leaf)].isLeaf()) ++leaf;
    QVERIFY(view.nodeText(leaf).contains(QStringLiteral("predicts ") +
                                         QString::fromStdString(diagram.nodes[static_cast<std::size_t>(leaf)].prediction)));

    // Edge labels and the legend are drawn.
    const QStringList texts = sceneTexts(*view.scene());
    QVERIFY(texts.contains(QString::fromStdString(diagram.nodes[0].leftLabel)));
    QVERIFY(texts.contains(QString::fromStdString(diagram.nodes[0].rightLabel)));
    for (const char* species : {"Adelie", "Chinstrap", "Gentoo"}) QVERIFY(texts.contains(QLatin1String(species)));
    QVERIFY(texts.contains(QStringLiteral("%1 nodes, %2 leaves, depth 3").arg(diagram.nodes.size()).arg(diagram.leafCount())));

    // The root's bar is stacked in the three class colours; its tooltip has the full detail.
    QGraphicsPathItem* box = boxWithTip(*view.scene(), QStringLiteral("Split: ") + QString::fromStdString(diagram.nodes[0].split));
    QVERIFY(box);
    QVERIFY(box->toolTip().contains(QStringLiteral("Training rows: 344")));
    QVERIFY(box->toolTip().contains(QStringLiteral("Adelie: ")));
    QSet<QRgb> colours;
    for (QGraphicsItem* item : box->childItems())
      for (QGraphicsItem* part : item->childItems())
        if (auto* rect = dynamic_cast<QGraphicsRectItem*>(part)) colours.insert(rect->brush().color().rgb());
    QCOMPARE(colours, (QSet<QRgb>{widgets::ChartStyle::seriesColor(0).rgb(), widgets::ChartStyle::seriesColor(1).rgb(),
                                  widgets::ChartStyle::seriesColor(2).rgb()}));
  }

  void zoomsAndFits() {
    DecisionTreeView view;
    view.resize(900, 600);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.setTree(diagramOf("penguins.csv", "Species", {{"max_depth", 3}}));
    view.fitToView();
    QVERIFY(showsWholeScene(view));
    const double fitted = view.zoomFactor();
    view.zoomIn();
    QVERIFY(view.zoomFactor() > fitted * 1.2);
    QVERIFY(!showsWholeScene(view));
    view.zoomOut();
    view.zoomOut();
    QVERIFY(view.zoomFactor() < fitted);
    // The wheel zooms in.
    const double before = view.zoomFactor();
    const QPointF centre = view.viewport()->rect().center();
    QWheelEvent wheel(centre, view.viewport()->mapToGlobal(centre), QPoint(), QPoint(0, 120), Qt::NoButton, Qt::NoModifier,
                      Qt::NoScrollPhase, false);
    QCoreApplication::sendEvent(view.viewport(), &wheel);
    QVERIFY(view.zoomFactor() > before);
    // Ctrl+0 fits again, Ctrl+= zooms in.
    view.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&view));
    view.setFocus();
    QTest::keyClick(&view, Qt::Key_0, Qt::ControlModifier);
    QVERIFY(showsWholeScene(view));
    QTest::keyClick(&view, Qt::Key_Equal, Qt::ControlModifier);
    QVERIFY(view.zoomFactor() > fitted * 1.2);
  }

  // max_depth none on credit-g: deeper than 8 levels, drawn folded, quickly.
  void deepTreeIsFoldedAndOpens() {
    const TreeDiagram diagram = diagramOf("credit-g.arff", "class", nlohmann::json::object());
    QVERIFY(diagram.depth() > DecisionTreeView::kShownDepth);
    DecisionTreeView view;
    view.resize(900, 600);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QElapsedTimer timer;
    timer.start();
    view.setTree(diagram);
    QCoreApplication::processEvents();
    QVERIFY(timer.elapsed() < 2000);
    QVERIFY(view.collapsedItemCount() > 0);
    int folded = -1;
    for (int n = 0; n < static_cast<int>(diagram.nodes.size()); ++n) {
      const auto& node = diagram.nodes[static_cast<std::size_t>(n)];
      if (view.isDrawn(n)) QVERIFY(node.depth <= DecisionTreeView::kShownDepth);
      if (folded < 0 && !node.isLeaf() && view.nodeText(n).startsWith(QLatin1Char('+'))) folded = n;
    }
    QVERIFY(folded > 0);
    QCOMPARE(diagram.nodes[static_cast<std::size_t>(folded)].depth, DecisionTreeView::kShownDepth + 1);
    QVERIFY(view.nodeText(folded).endsWith(QStringLiteral(" nodes")));

    // A double-click on the "+N nodes" box opens it.
    const int before = view.nodeItemCount();
    QGraphicsPathItem* box = nullptr;
    for (QGraphicsItem* item : view.scene()->items())
      if (item->data(0).toInt() == folded && item->data(1).toInt() == 2) box = dynamic_cast<QGraphicsPathItem*>(item);
    QVERIFY(box);
    view.centerOn(box);
    QTest::mouseDClick(view.viewport(), Qt::LeftButton, {}, view.mapFromScene(box->sceneBoundingRect().center()));
    QVERIFY(view.isDrawn(folded));
    QVERIFY(view.nodeText(folded).contains(QStringLiteral("samples ")));
    QVERIFY(view.nodeItemCount() > before);
    QVERIFY(view.isDrawn(diagram.nodes[static_cast<std::size_t>(folded)].left));
    // And folds again.
    view.collapse(folded);
    QVERIFY(view.nodeText(diagram.nodes[static_cast<std::size_t>(folded)].left).startsWith(QLatin1Char('+')));
    QCOMPARE(view.nodeItemCount(), before + 2);  // its "+N" box became its box and two folded children
  }

  // Thousands of nodes, or a chain thousands deep: bounded boxes, never a freeze.
  void hugeTreesStayBounded() {
    TreeDiagram wide;
    wide.classes = {"a", "b"};
    addComplete(wide, 13, 0);  // 16383 nodes
    DecisionTreeView view;
    QElapsedTimer timer;
    timer.start();
    view.setTree(wide);
    QVERIFY(view.nodeItemCount() - view.collapsedItemCount() <= DecisionTreeView::kShownNodes);
    QVERIFY(view.collapsedItemCount() > 0);
    view.setTree(chain(5000));
    // Splits 0..8 and their leaves down to depth 8 drawn; split 9 (node 18) and the leaf of
    // split 8 (node 17) folded.
    const int depth = DecisionTreeView::kShownDepth;
    QCOMPARE(view.nodeItemCount() - view.collapsedItemCount(), 2 * depth + 1);
    QCOMPARE(view.collapsedItemCount(), 2);
    QCOMPARE(view.nodeText(2 * depth + 1), QStringLiteral("+1 leaf"));
    QCOMPARE(view.nodeText(2 * depth + 2), QStringLiteral("+%1 nodes").arg(2 * (5000 - depth - 1) + 1));
    view.expand(2 * depth + 2);
    QVERIFY(view.isDrawn(2 * depth + 2));
    QVERIFY(view.isDrawn(2 * (2 * depth + 1)));  // split 17, depth 17: 8 levels below the opened one
    QVERIFY(!view.isDrawn(2 * (2 * depth + 2)));
    QCOMPARE(view.collapsedItemCount(), 3);
    QVERIFY(timer.elapsed() < 3000);

    // A malformed diagram (a child before its parent, one out of range) draws without crashing.
    TreeDiagram bad = chain(3);
    bad.nodes[2].left = 0;
    bad.nodes[4].right = 99;
    view.setTree(bad);
    QVERIFY(view.nodeItemCount() > 0);
    view.clear();
    QCOMPARE(view.nodeItemCount(), 0);
    QVERIFY(!view.emptyStateText().isEmpty());
  }

  void regressionTreeShowsMeans() {
    const TreeDiagram diagram = diagramOf("cpu.arff", "class", {{"max_depth", 2}});
    QVERIFY(diagram.regression);
    DecisionTreeView view;
    view.setTree(diagram);
    QVERIFY(view.nodeText(0).contains(QStringLiteral("mean ") + QString::fromStdString(diagram.nodes[0].prediction)));
    bool legend = false;
    for (const QString& text : sceneTexts(*view.scene())) legend = legend || text.startsWith(QStringLiteral("Bars: the mean of class"));
    QVERIFY(legend);
  }

  void exports_data() {
    QTest::addColumn<QString>("suffix");
    QTest::newRow("png") << QStringLiteral("png");
    QTest::newRow("svg") << QStringLiteral("svg");
    QTest::newRow("pdf") << QStringLiteral("pdf");
  }
  void exports() {
    QFETCH(QString, suffix);
    DecisionTreeView view;
    view.resize(900, 600);
    view.setTree(diagramOf("penguins.csv", "Species", {{"max_depth", 3}}));
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("tree.") + suffix);
    QCOMPARE(view.exportTo(path), QString());
    QVERIFY(QFileInfo(path).size() > 1000);
    if (suffix == QLatin1String("svg")) {
      QFile svg(path);
      QVERIFY(svg.open(QIODevice::ReadOnly));
      QVERIFY(svg.readAll().contains("Gentoo"));
    }
    QVERIFY(!view.exportTo(dir.filePath(QStringLiteral("tree.txt"))).isEmpty());
  }
};

QTEST_MAIN(tst_DecisionTreeView)
#include "tst_DecisionTreeView.moc"
