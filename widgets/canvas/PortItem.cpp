#include "widgets/canvas/PortItem.h"

#include <QBrush>
#include <QCursor>
#include <QPen>

namespace lathe::widgets {

PortItem::PortItem(int node, int index, bool input, pipeline::PortType type, const QString& name, QGraphicsItem* parent)
    : QGraphicsEllipseItem(-kRadius, -kRadius, 2 * kRadius, 2 * kRadius, parent),
      node_(node),
      index_(index),
      input_(input),
      portType_(type),
      name_(name) {
  setBrush(colorFor(type));
  setPen(QPen(colorFor(type).darker(160), 1.2));
  setAcceptHoverEvents(true);
  setCursor(Qt::CrossCursor);
  setToolTip(input ? tr("Input “%1”: takes a %2").arg(name, typeName(type))
                   : tr("Output “%1”: gives a %2").arg(name, typeName(type)));
}

QColor PortItem::colorFor(pipeline::PortType type) {
  switch (type) {
    case pipeline::PortType::Table: return QColor(0x3b, 0x82, 0xc4);
    case pipeline::PortType::Recipe: return QColor(0x8e, 0x5c, 0xc2);
    case pipeline::PortType::Model: return QColor(0xd9, 0x7a, 0x1f);
    case pipeline::PortType::Predictions: return QColor(0x2f, 0xa3, 0x7a);
    case pipeline::PortType::Metrics: return QColor(0xc2, 0x41, 0x5c);
  }
  return Qt::gray;
}

QString PortItem::typeName(pipeline::PortType type) {
  switch (type) {
    case pipeline::PortType::Table: return tr("table");
    case pipeline::PortType::Recipe: return tr("recipe");
    case pipeline::PortType::Model: return tr("model");
    case pipeline::PortType::Predictions: return tr("predictions");
    case pipeline::PortType::Metrics: return tr("metrics");
  }
  return QString::fromLatin1(pipeline::portTypeName(type).data());
}

}  // namespace lathe::widgets
