#pragma once
#include <QGraphicsScene>
#include <QList>
#include <QMap>
#include <QPointF>
#include <map>

#include "engine/pipeline/Graph.h"
#include "engine/pipeline/NodeState.h"

class QGraphicsPathItem;
class QGraphicsRectItem;
class QGraphicsSimpleTextItem;
class QMimeData;

namespace lathe::pipeline {
class NodeRegistry;
}

namespace lathe::widgets {

class LinkItem;
class NodeItem;
class PortItem;

// The pipeline canvas's scene: an adapter that mirrors a pipeline Graph as node and link items
// and turns what the user does into intents (signals). It never edits the graph: the
// application turns each intent into an undo command, changes the graph and hands it back
// through setGraph, which updates the items in place (selection and states survive).
class PipelineScene : public QGraphicsScene {
  Q_OBJECT
 public:
  // What the node palette drags: the node type's id, UTF-8.
  static constexpr const char* kNodeTypeMime = "application/x-lathe-node-type";

  explicit PipelineScene(QObject* parent = nullptr);
  ~PipelineScene() override;

  // Mirrors `graph`; `registry` gives the node kinds' ports and must outlive the scene's use.
  void setGraph(const pipeline::Graph& graph, const pipeline::NodeRegistry& registry);
  const pipeline::Graph& graph() const { return graph_; }

  NodeItem* nodeItem(int id) const;
  LinkItem* linkItem(int id) const;
  QList<NodeItem*> nodeItems() const;
  QList<LinkItem*> linkItems() const;
  QList<int> selectedNodeIds() const;
  QList<int> selectedLinkIds() const;
  void selectNodes(const QList<int>& ids);  // only these, nothing else

  // What the executor reports; unknown nodes are ignored (the graph may have moved on).
  void setNodeState(int node, pipeline::NodeState state, const QString& message = {});
  void setNodeProgress(int node, double fraction);

  // Why output `fromPort` of `fromNode` cannot feed input `toPort` of `toNode`, in the user's
  // language (Graph::canConnect's rules), or empty when it can.
  QString refusalReason(int fromNode, int fromPort, int toNode, int toPort) const;
  // The last refused link's reason, shown in a note by the port for a few seconds.
  QString lastRefusal() const { return lastRefusal_; }
  QGraphicsSimpleTextItem* refusalNote() const { return refusalText_; }

  // A node type dropped at `scenePos` (what dropEvent does): emits nodeDropped at the snapped
  // place if the data names a known type. Returns whether it did.
  bool dropNodeType(const QMimeData* mime, QPointF scenePos);

  // Called by a NodeItem while it moves: its links follow.
  void nodeMovedOnCanvas(int node);

 signals:
  void nodeDropped(const QString& type, QPointF position);
  void linkRequested(int fromNode, int fromPort, int toNode, int toPort);
  void linkRefused(const QString& reason);
  // Nodes the user dragged, where the graph has them and where they were dropped.
  void nodesMoved(const QMap<int, QPointF>& before, const QMap<int, QPointF>& after);
  void deleteRequested(const QList<int>& nodes, const QList<int>& links);
  void copyRequested();
  void pasteRequested();
  void nodeDoubleClicked(int node);

 protected:
  void mousePressEvent(QGraphicsSceneMouseEvent* event) override;
  void mouseMoveEvent(QGraphicsSceneMouseEvent* event) override;
  void mouseReleaseEvent(QGraphicsSceneMouseEvent* event) override;
  void mouseDoubleClickEvent(QGraphicsSceneMouseEvent* event) override;
  void keyPressEvent(QKeyEvent* event) override;
  void dragEnterEvent(QGraphicsSceneDragDropEvent* event) override;
  void dragMoveEvent(QGraphicsSceneDragDropEvent* event) override;
  void dropEvent(QGraphicsSceneDragDropEvent* event) override;

 private:
  struct PortRef {
    int node = 0;
    int index = 0;
    bool input = false;
  };
  PortItem* portAt(QPointF scenePos) const;
  PortItem* port(const PortRef& ref) const;
  void placeLink(LinkItem* link) const;
  void finishLinkDrag(QPointF scenePos);
  void showRefusal(const QString& reason, QPointF scenePos);
  void emitMoves();

  pipeline::Graph graph_;
  const pipeline::NodeRegistry* registry_ = nullptr;
  std::map<int, NodeItem*> nodes_;
  std::map<int, LinkItem*> links_;
  bool draggingLink_ = false;
  PortRef dragFrom_;
  QGraphicsPathItem* dragLine_ = nullptr;
  QString lastRefusal_;
  QGraphicsRectItem* refusalBox_ = nullptr;
  QGraphicsSimpleTextItem* refusalText_ = nullptr;
  int refusalGeneration_ = 0;
};

}  // namespace lathe::widgets
