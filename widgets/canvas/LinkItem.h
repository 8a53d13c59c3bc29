#pragma once
#include <QGraphicsPathItem>

#include "engine/pipeline/Graph.h"
#include "engine/pipeline/PortType.h"

namespace lathe::widgets {

// A link on the canvas: a cubic curve from an output port to an input port, coloured by the
// type it carries. Selectable so Delete can remove it; mirrors a GraphLink.
class LinkItem : public QGraphicsPathItem {
 public:
  enum { Type = QGraphicsItem::UserType + 3 };

  LinkItem(const pipeline::GraphLink& link, pipeline::PortType type);

  int type() const override { return Type; }
  int linkId() const { return link_.id; }
  const pipeline::GraphLink& link() const { return link_; }
  pipeline::PortType portType() const { return portType_; }
  QPointF from() const { return from_; }
  QPointF to() const { return to_; }
  void setEnds(QPointF from, QPointF to);

  // The curve every link (and the one being dragged) draws: it leaves and enters horizontally.
  static QPainterPath curve(QPointF from, QPointF to);

  QPainterPath shape() const override;
  void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

 private:
  pipeline::GraphLink link_;
  pipeline::PortType portType_;
  QPointF from_;
  QPointF to_;
};

}  // namespace lathe::widgets
