#pragma once
#include <QCoreApplication>
#include <QGraphicsEllipseItem>

#include "engine/pipeline/PortType.h"

namespace lathe::widgets {

// One input or output of a node on the canvas: a dot coloured by what it carries, so the user
// sees at a glance which ports fit together. Knows its node and index; the scene does the rest.
class PortItem : public QGraphicsEllipseItem {
  Q_DECLARE_TR_FUNCTIONS(PortItem)
 public:
  enum { Type = QGraphicsItem::UserType + 2 };
  static constexpr double kRadius = 6.0;

  PortItem(int node, int index, bool input, pipeline::PortType type, const QString& name, QGraphicsItem* parent);

  int type() const override { return Type; }
  int node() const { return node_; }
  int index() const { return index_; }
  bool isInput() const { return input_; }
  pipeline::PortType portType() const { return portType_; }
  QString name() const { return name_; }
  // Where links attach, in scene coordinates.
  QPointF anchor() const { return scenePos(); }

  // One colour per port type, the same everywhere (ports, links, the palette's tooltips).
  static QColor colorFor(pipeline::PortType type);
  // The type in the user's words: "table", "model", ...
  static QString typeName(pipeline::PortType type);

 private:
  int node_;
  int index_;
  bool input_;
  pipeline::PortType portType_;
  QString name_;
};

}  // namespace lathe::widgets
