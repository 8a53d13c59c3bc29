#include "widgets/canvas/LinkItem.h"

#include <QPainter>
#include <QPainterPathStroker>
#include <QStyleOptionGraphicsItem>
#include <algorithm>
#include <cmath>

#include "widgets/canvas/PortItem.h"

namespace lathe::widgets {

LinkItem::LinkItem(const pipeline::GraphLink& link, pipeline::PortType type) : link_(link), portType_(type) {
  setFlags(ItemIsSelectable);
  setZValue(0.5);  // under the nodes, so ports stay on top
  setPen(QPen(PortItem::colorFor(type), 2.2, Qt::SolidLine, Qt::RoundCap));
}

void LinkItem::setEnds(QPointF from, QPointF to) {
  if (from == from_ && to == to_ && !path().isEmpty()) return;
  from_ = from;
  to_ = to;
  setPath(curve(from, to));
}

QPainterPath LinkItem::curve(QPointF from, QPointF to) {
  QPainterPath path(from);
  const double reach = std::max(40.0, std::abs(to.x() - from.x()) * 0.5);
  path.cubicTo(from + QPointF(reach, 0), to - QPointF(reach, 0), to);
  return path;
}

QPainterPath LinkItem::shape() const {
  // A thin curve is hard to click: pick it within a few pixels.
  QPainterPathStroker stroker;
  stroker.setWidth(10.0);
  return stroker.createStroke(path());
}

void LinkItem::paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget*) {
  painter->setRenderHint(QPainter::Antialiasing);
  QPen line = pen();
  if (option->state & QStyle::State_Selected) {
    QPen halo(QColor(0x2d, 0x7d, 0xd2, 110), line.widthF() + 5, Qt::SolidLine, Qt::RoundCap);
    painter->setPen(halo);
    painter->drawPath(path());
  }
  painter->setPen(line);
  painter->setBrush(Qt::NoBrush);
  painter->drawPath(path());
}

}  // namespace lathe::widgets
