#include "widgets/canvas/PipelineScene.h"

#include <QGraphicsPathItem>
#include <QGraphicsSceneDragDropEvent>
#include <QGraphicsSceneMouseEvent>
#include <QGraphicsSimpleTextItem>
#include <QKeyEvent>
#include <QMimeData>
#include <QPen>
#include <QPointer>
#include <QTimer>
#include <set>

#include "engine/pipeline/NodeRegistry.h"
#include "widgets/canvas/LinkItem.h"
#include "widgets/canvas/NodeItem.h"
#include "widgets/canvas/NodeTypeNames.h"
#include "widgets/canvas/PortItem.h"

namespace lathe::widgets {
namespace {
constexpr int kRefusalMs = 5000;

NodeItem* nodeOf(QGraphicsItem* item) {
  for (; item; item = item->parentItem())
    if (item->type() == NodeItem::Type) return static_cast<NodeItem*>(item);
  return nullptr;
}
}  // namespace

PipelineScene::PipelineScene(QObject* parent) : QGraphicsScene(QRectF(-4000, -4000, 8000, 8000), parent) {}

PipelineScene::~PipelineScene() = default;

void PipelineScene::setGraph(const pipeline::Graph& graph, const pipeline::NodeRegistry& registry) {
  const bool sameRegistry = registry_ == &registry;
  graph_ = graph;
  registry_ = &registry;

  // Nodes: drop the gone, update the kept, add the new. A node whose type changed is rebuilt.
  for (auto it = nodes_.begin(); it != nodes_.end();) {
    const pipeline::GraphNode* node = graph_.node(it->first);
    if (node && sameRegistry && it->second->typeId() == QString::fromStdString(node->type)) {
      ++it;
      continue;
    }
    delete it->second;
    it = nodes_.erase(it);
  }
  for (const auto& [id, node] : graph_.nodes()) {
    if (const auto found = nodes_.find(id); found != nodes_.end()) {
      found->second->mirror(node);
      continue;
    }
    auto* item = new NodeItem(node, registry.find(node.type));
    addItem(item);
    nodes_.emplace(id, item);
  }

  // Links: ids are never reused for other ends, but compare anyway (a reloaded pipeline).
  for (auto it = links_.begin(); it != links_.end();) {
    const pipeline::GraphLink* link = graph_.link(it->first);
    const pipeline::GraphLink& shown = it->second->link();
    if (link && link->fromNode == shown.fromNode && link->fromPort == shown.fromPort && link->toNode == shown.toNode &&
        link->toPort == shown.toPort && sameRegistry) {
      ++it;
      continue;
    }
    delete it->second;
    it = links_.erase(it);
  }
  for (const auto& [id, link] : graph_.links()) {
    if (links_.contains(id)) continue;
    const PortItem* from = nodeItem(link.fromNode) ? nodeItem(link.fromNode)->output(link.fromPort) : nullptr;
    auto* item = new LinkItem(link, from ? from->portType() : pipeline::PortType::Table);
    addItem(item);
    links_.emplace(id, item);
  }
  for (const auto& [id, link] : links_) placeLink(link);
}

NodeItem* PipelineScene::nodeItem(int id) const {
  const auto found = nodes_.find(id);
  return found == nodes_.end() ? nullptr : found->second;
}

LinkItem* PipelineScene::linkItem(int id) const {
  const auto found = links_.find(id);
  return found == links_.end() ? nullptr : found->second;
}

QList<NodeItem*> PipelineScene::nodeItems() const {
  QList<NodeItem*> out;
  for (const auto& [id, item] : nodes_) out.append(item);
  return out;
}

QList<LinkItem*> PipelineScene::linkItems() const {
  QList<LinkItem*> out;
  for (const auto& [id, item] : links_) out.append(item);
  return out;
}

QList<int> PipelineScene::selectedNodeIds() const {
  QList<int> out;
  for (const auto& [id, item] : nodes_)
    if (item->isSelected()) out.append(id);
  return out;
}

QList<int> PipelineScene::selectedLinkIds() const {
  QList<int> out;
  for (const auto& [id, item] : links_)
    if (item->isSelected()) out.append(id);
  return out;
}

void PipelineScene::selectNodes(const QList<int>& ids) {
  QSignalBlocker blocker(this);  // one selectionChanged, not one per item
  clearSelection();
  for (const int id : ids)
    if (NodeItem* item = nodeItem(id)) item->setSelected(true);
  blocker.unblock();
  emit selectionChanged();
}

void PipelineScene::setNodeState(int node, pipeline::NodeState state, const QString& message) {
  if (NodeItem* item = nodeItem(node)) item->setState(state, message);
}

void PipelineScene::setNodeProgress(int node, double fraction) {
  if (NodeItem* item = nodeItem(node)) item->setProgress(fraction);
}

QString PipelineScene::refusalReason(int fromNode, int fromPort, int toNode, int toPort) const {
  if (!registry_) return tr("The pipeline is not ready yet");
  const auto reason = graph_.canConnect(fromNode, fromPort, toNode, toPort, *registry_);
  if (!reason) return {};
  // The engine says why in English; say the common reasons in the user's language.
  const pipeline::GraphNode* source = graph_.node(fromNode);
  const pipeline::GraphNode* target = graph_.node(toNode);
  if (fromNode == toNode) return tr("A node cannot feed itself");
  const pipeline::NodeType* sourceType = source ? registry_->find(source->type) : nullptr;
  const pipeline::NodeType* targetType = target ? registry_->find(target->type) : nullptr;
  const bool portsExist = sourceType && targetType && fromPort >= 0 && toPort >= 0 &&
                          std::size_t(fromPort) < sourceType->outputs.size() &&
                          std::size_t(toPort) < targetType->inputs.size();
  if (!portsExist) return QString::fromStdString(*reason);
  const pipeline::PortSpec& output = sourceType->outputs[std::size_t(fromPort)];
  const pipeline::PortSpec& input = targetType->inputs[std::size_t(toPort)];
  if (output.type != input.type)
    return tr("The output “%1” gives a %2, but the input “%3” takes a %4")
        .arg(QString::fromStdString(output.name), PortItem::typeName(output.type), QString::fromStdString(input.name),
             PortItem::typeName(input.type));
  if (graph_.linkInto(toNode, toPort))
    return tr("The input “%1” is already connected").arg(QString::fromStdString(input.name));
  if (graph_.createsCycle(fromNode, toNode)) return tr("The link would make a cycle");
  return QString::fromStdString(*reason);
}

bool PipelineScene::dropNodeType(const QMimeData* mime, QPointF scenePos) {
  if (!mime || !mime->hasFormat(QLatin1String(kNodeTypeMime)) || !registry_) return false;
  const QString type = QString::fromUtf8(mime->data(QLatin1String(kNodeTypeMime)));
  if (!registry_->contains(type.toStdString())) return false;
  emit nodeDropped(type, NodeItem::snapped(scenePos));
  return true;
}

void PipelineScene::nodeMovedOnCanvas(int node) {
  for (const auto& [id, link] : links_)
    if (link->link().fromNode == node || link->link().toNode == node) placeLink(link);
}

void PipelineScene::placeLink(LinkItem* link) const {
  const pipeline::GraphLink& ends = link->link();
  const NodeItem* from = nodeItem(ends.fromNode);
  const NodeItem* to = nodeItem(ends.toNode);
  if (!from || !to) return;
  // A stored link to a port the type does not have still shows, at the node's edge.
  const PortItem* out = from->output(ends.fromPort);
  const PortItem* in = to->input(ends.toPort);
  const QPointF start = out ? out->anchor() : from->mapToScene(QPointF(NodeItem::kWidth, 14));
  const QPointF end = in ? in->anchor() : to->mapToScene(QPointF(0, 14));
  link->setEnds(start, end);
}

PortItem* PipelineScene::portAt(QPointF scenePos) const {
  for (QGraphicsItem* item : items(scenePos))
    if (item->type() == PortItem::Type) return static_cast<PortItem*>(item);
  return nullptr;
}

PortItem* PipelineScene::port(const PortRef& ref) const {
  const NodeItem* node = nodeItem(ref.node);
  if (!node) return nullptr;
  return ref.input ? node->input(ref.index) : node->output(ref.index);
}

void PipelineScene::mousePressEvent(QGraphicsSceneMouseEvent* event) {
  if (event->button() == Qt::LeftButton) {
    if (const PortItem* start = portAt(event->scenePos())) {
      // A drag from a port draws a link instead of moving the node.
      draggingLink_ = true;
      dragFrom_ = {start->node(), start->index(), start->isInput()};
      dragLine_ = new QGraphicsPathItem;
      dragLine_->setPen(QPen(PortItem::colorFor(start->portType()), 2.0, Qt::DashLine, Qt::RoundCap));
      dragLine_->setZValue(3.0);
      addItem(dragLine_);
      dragLine_->setPath(LinkItem::curve(start->anchor(), event->scenePos()));
      event->accept();
      return;
    }
  }
  QGraphicsScene::mousePressEvent(event);
}

void PipelineScene::mouseMoveEvent(QGraphicsSceneMouseEvent* event) {
  if (draggingLink_) {
    const PortItem* start = port(dragFrom_);
    if (start && dragLine_) {
      // The curve always runs from the output side to the input side.
      dragLine_->setPath(dragFrom_.input ? LinkItem::curve(event->scenePos(), start->anchor())
                                         : LinkItem::curve(start->anchor(), event->scenePos()));
    }
    event->accept();
    return;
  }
  QGraphicsScene::mouseMoveEvent(event);
}

void PipelineScene::mouseReleaseEvent(QGraphicsSceneMouseEvent* event) {
  if (draggingLink_) {
    draggingLink_ = false;
    delete dragLine_;
    dragLine_ = nullptr;
    finishLinkDrag(event->scenePos());
    event->accept();
    return;
  }
  QGraphicsScene::mouseReleaseEvent(event);
  if (event->button() == Qt::LeftButton) emitMoves();
}

void PipelineScene::finishLinkDrag(QPointF scenePos) {
  const PortItem* end = portAt(scenePos);
  if (!end) return;  // dropped on nothing: the user changed their mind
  if (end->node() == dragFrom_.node && end->index() == dragFrom_.index && end->isInput() == dragFrom_.input) return;
  if (end->isInput() == dragFrom_.input) {
    showRefusal(dragFrom_.input ? tr("Connect an input to an output") : tr("Connect an output to an input"), scenePos);
    return;
  }
  const PortRef out = dragFrom_.input ? PortRef{end->node(), end->index(), false} : dragFrom_;
  const PortRef in = dragFrom_.input ? dragFrom_ : PortRef{end->node(), end->index(), true};
  const QString reason = refusalReason(out.node, out.index, in.node, in.index);
  if (!reason.isEmpty()) {
    showRefusal(reason, scenePos);
    return;
  }
  emit linkRequested(out.node, out.index, in.node, in.index);
}

void PipelineScene::showRefusal(const QString& reason, QPointF scenePos) {
  lastRefusal_ = reason;
  if (!refusalBox_) {
    refusalBox_ = new QGraphicsRectItem;
    refusalBox_->setZValue(10.0);
    refusalBox_->setBrush(QColor(0xfd, 0xec, 0xec));
    refusalBox_->setPen(QPen(NodeItem::stateColor(pipeline::NodeState::Failed), 1.0));
    refusalText_ = new QGraphicsSimpleTextItem(refusalBox_);
    refusalText_->setBrush(QColor(0x8a, 0x1c, 0x1c));
    addItem(refusalBox_);
  }
  refusalText_->setText(reason);
  refusalText_->setPos(6, 4);
  refusalBox_->setRect(refusalText_->boundingRect().adjusted(0, 0, 12, 8));
  refusalBox_->setPos(scenePos + QPointF(12, 12));
  refusalBox_->show();
  const int generation = ++refusalGeneration_;
  QTimer::singleShot(kRefusalMs, this, [this, generation] {
    if (generation == refusalGeneration_ && refusalBox_) refusalBox_->hide();
  });
  emit linkRefused(reason);
}

void PipelineScene::emitMoves() {
  QMap<int, QPointF> before;
  QMap<int, QPointF> after;
  for (const auto& [id, item] : nodes_) {
    const pipeline::GraphNode* node = graph_.node(id);
    if (!node || item->pos() == QPointF(node->x, node->y)) continue;
    before.insert(id, QPointF(node->x, node->y));
    after.insert(id, item->pos());
  }
  if (!after.isEmpty()) emit nodesMoved(before, after);
}

void PipelineScene::mouseDoubleClickEvent(QGraphicsSceneMouseEvent* event) {
  if (event->button() == Qt::LeftButton && !portAt(event->scenePos())) {
    for (QGraphicsItem* item : items(event->scenePos())) {
      if (NodeItem* node = nodeOf(item)) {
        emit nodeDoubleClicked(node->nodeId());
        event->accept();
        return;
      }
    }
  }
  QGraphicsScene::mouseDoubleClickEvent(event);
}

void PipelineScene::keyPressEvent(QKeyEvent* event) {
  if (event->key() == Qt::Key_Delete || event->key() == Qt::Key_Backspace) {
    const QList<int> nodes = selectedNodeIds();
    const QList<int> links = selectedLinkIds();
    if (!nodes.isEmpty() || !links.isEmpty()) emit deleteRequested(nodes, links);
    event->accept();
    return;
  }
  if (event->matches(QKeySequence::Copy)) {
    emit copyRequested();
    event->accept();
    return;
  }
  if (event->matches(QKeySequence::Paste)) {
    emit pasteRequested();
    event->accept();
    return;
  }
  if (event->matches(QKeySequence::SelectAll)) {
    QList<int> all;
    for (const auto& [id, item] : nodes_) all.append(id);
    selectNodes(all);
    event->accept();
    return;
  }
  QGraphicsScene::keyPressEvent(event);
}

void PipelineScene::dragEnterEvent(QGraphicsSceneDragDropEvent* event) {
  const bool ours = event->mimeData()->hasFormat(QLatin1String(kNodeTypeMime));
  event->setAccepted(ours);
  if (ours) event->acceptProposedAction();
}

void PipelineScene::dragMoveEvent(QGraphicsSceneDragDropEvent* event) { dragEnterEvent(event); }

void PipelineScene::dropEvent(QGraphicsSceneDragDropEvent* event) {
  if (dropNodeType(event->mimeData(), event->scenePos())) event->acceptProposedAction();
  else event->ignore();
}

}  // namespace lathe::widgets
