#pragma once
#include <QCoreApplication>
#include <QGraphicsItem>
#include <QVector>

#include "engine/pipeline/Graph.h"
#include "engine/pipeline/NodeState.h"

namespace lathe::pipeline {
struct NodeType;
}

namespace lathe::widgets {

class PortItem;

// A node on the canvas: its title, its input ports on the left and outputs on the right, a
// badge with its state, a progress bar while it runs and, when it failed, the error under it.
// Movable and selectable; the scene turns moves into intents. It mirrors a GraphNode and never
// changes the graph itself.
class NodeItem : public QGraphicsItem {
  Q_DECLARE_TR_FUNCTIONS(NodeItem)
 public:
  enum { Type = QGraphicsItem::UserType + 1 };
  static constexpr double kWidth = 180.0;
  static constexpr double kGrid = 10.0;  // drags snap to it

  // `type` is null for a kind the registry does not know: the node shows, without ports.
  NodeItem(const pipeline::GraphNode& node, const pipeline::NodeType* type);

  int type() const override { return Type; }
  int nodeId() const { return id_; }
  QString typeId() const { return typeId_; }
  QString title() const { return title_; }
  // The title and position from the graph (no snapping: the stored place wins).
  void mirror(const pipeline::GraphNode& node);

  const QVector<PortItem*>& inputs() const { return inputs_; }
  const QVector<PortItem*>& outputs() const { return outputs_; }
  PortItem* input(int index) const;
  PortItem* output(int index) const;

  void setState(pipeline::NodeState state, const QString& message = {});
  pipeline::NodeState state() const { return state_; }
  QString message() const { return message_; }
  QString badgeText() const { return stateText(state_); }
  // 0..1 of the node's own work; the bar shows only while it is running.
  void setProgress(double fraction);
  double progress() const { return progress_; }
  bool showsProgress() const { return state_ == pipeline::NodeState::Running; }
  bool showsError() const { return state_ == pipeline::NodeState::Failed && !message_.isEmpty(); }

  static QString stateText(pipeline::NodeState state);
  static QColor stateColor(pipeline::NodeState state);
  static QPointF snapped(QPointF point);

  QRectF boundingRect() const override;
  void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

 protected:
  QVariant itemChange(GraphicsItemChange change, const QVariant& value) override;

 private:
  QRectF bodyRect() const;
  QRectF errorRect() const;
  void updateToolTip();

  int id_;
  QString typeId_;
  QString title_;
  QString typeTitle_;
  QVector<PortItem*> inputs_;
  QVector<PortItem*> outputs_;
  int rows_ = 1;
  pipeline::NodeState state_ = pipeline::NodeState::Idle;
  QString message_;
  double progress_ = 0.0;
  bool placing_ = false;  // a position from the graph, not from a drag: no snapping
};

}  // namespace lathe::widgets
