#include "widgets/canvas/NodeItem.h"

#include <QApplication>
#include <QFontMetricsF>
#include <QPainter>
#include <QPalette>
#include <QStyleOptionGraphicsItem>
#include <algorithm>
#include <cmath>

#include "engine/pipeline/NodeType.h"
#include "widgets/canvas/NodeTypeNames.h"
#include "widgets/canvas/PipelineScene.h"
#include "widgets/canvas/PortItem.h"

namespace lathe::widgets {
namespace {
constexpr double kHeader = 28.0;
constexpr double kRow = 20.0;
constexpr double kPad = 8.0;
constexpr double kBar = 4.0;
constexpr double kRadius = 6.0;
const QColor kAccent(0x2d, 0x7d, 0xd2);

QFont smallFont() {
  QFont font = QApplication::font();
  font.setPointSizeF(font.pointSizeF() * 0.85);
  return font;
}
}  // namespace

NodeItem::NodeItem(const pipeline::GraphNode& node, const pipeline::NodeType* type)
    : id_(node.id), typeId_(QString::fromStdString(node.type)) {
  setFlags(ItemIsMovable | ItemIsSelectable | ItemSendsGeometryChanges);
  setAcceptHoverEvents(true);
  setZValue(1.0);
  typeTitle_ = type ? NodeTypeNames::title(*type) : NodeTypeNames::title(node.type, node.type);
  if (type) {
    for (std::size_t i = 0; i < type->inputs.size(); ++i)
      inputs_.append(new PortItem(id_, int(i), true, type->inputs[i].type, QString::fromStdString(type->inputs[i].name), this));
    for (std::size_t i = 0; i < type->outputs.size(); ++i)
      outputs_.append(
          new PortItem(id_, int(i), false, type->outputs[i].type, QString::fromStdString(type->outputs[i].name), this));
  }
  rows_ = std::max<int>({1, int(inputs_.size()), int(outputs_.size())});
  for (int i = 0; i < inputs_.size(); ++i) inputs_[i]->setPos(0.0, kHeader + kPad + kRow * (i + 0.5));
  for (int i = 0; i < outputs_.size(); ++i) outputs_[i]->setPos(kWidth, kHeader + kPad + kRow * (i + 0.5));
  if (!type) message_ = tr("Unknown node type “%1”").arg(typeId_);
  mirror(node);
}

void NodeItem::mirror(const pipeline::GraphNode& node) {
  const QString title = node.title.empty() ? typeTitle_ : QString::fromStdString(node.title);
  if (title != title_) {
    title_ = title;
    update();
  }
  const QPointF place(node.x, node.y);
  if (pos() != place) {
    placing_ = true;
    setPos(place);
    placing_ = false;
  }
  updateToolTip();
}

PortItem* NodeItem::input(int index) const { return index >= 0 && index < inputs_.size() ? inputs_[index] : nullptr; }

PortItem* NodeItem::output(int index) const {
  return index >= 0 && index < outputs_.size() ? outputs_[index] : nullptr;
}

void NodeItem::setState(pipeline::NodeState state, const QString& message) {
  if (state == state_ && message == message_) return;
  prepareGeometryChange();  // the error text changes the bounds
  state_ = state;
  message_ = message;
  if (state != pipeline::NodeState::Running) progress_ = state == pipeline::NodeState::Done ? 1.0 : 0.0;
  updateToolTip();
  update();
}

void NodeItem::setProgress(double fraction) {
  fraction = std::clamp(std::isfinite(fraction) ? fraction : 0.0, 0.0, 1.0);
  if (std::abs(fraction - progress_) < 1e-4) return;
  progress_ = fraction;
  update();
}

QString NodeItem::stateText(pipeline::NodeState state) {
  using pipeline::NodeState;
  switch (state) {
    case NodeState::Idle: return tr("Idle");
    case NodeState::Stale: return tr("Stale");
    case NodeState::Queued: return tr("Queued");
    case NodeState::Running: return tr("Running");
    case NodeState::Done: return tr("Done");
    case NodeState::Failed: return tr("Failed");
    case NodeState::Cancelled: return tr("Cancelled");
  }
  return {};
}

QColor NodeItem::stateColor(pipeline::NodeState state) {
  using pipeline::NodeState;
  switch (state) {
    case NodeState::Idle: return QColor(0x8a, 0x8f, 0x98);
    case NodeState::Stale: return QColor(0xc9, 0x8b, 0x14);
    case NodeState::Queued: return QColor(0x6b, 0x9b, 0xd1);
    case NodeState::Running: return kAccent;
    case NodeState::Done: return QColor(0x2f, 0x9e, 0x5b);
    case NodeState::Failed: return QColor(0xd0, 0x3b, 0x3b);
    case NodeState::Cancelled: return QColor(0x6d, 0x6d, 0x6d);
  }
  return Qt::gray;
}

QPointF NodeItem::snapped(QPointF point) {
  return QPointF(std::round(point.x() / kGrid) * kGrid, std::round(point.y() / kGrid) * kGrid);
}

QRectF NodeItem::bodyRect() const { return QRectF(0, 0, kWidth, kHeader + 2 * kPad + kRow * rows_ + kBar); }

QRectF NodeItem::errorRect() const {
  if (!showsError()) return {};
  const QFontMetricsF metrics(smallFont());
  const QRectF text = metrics.boundingRect(QRectF(0, 0, kWidth - 8, 1000), Qt::TextWordWrap, message_);
  return QRectF(0, bodyRect().bottom() + 4, kWidth, std::min(text.height(), 6 * metrics.lineSpacing()) + 8);
}

QRectF NodeItem::boundingRect() const {
  const double margin = PortItem::kRadius + 2;
  return bodyRect().united(errorRect()).adjusted(-margin, -2, margin, 2);
}

void NodeItem::paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) {
  const QPalette palette = widget ? widget->palette() : QApplication::palette();
  const QRectF body = bodyRect();
  const bool selected = option->state & QStyle::State_Selected;
  painter->setRenderHint(QPainter::Antialiasing);

  // Body and header.
  painter->setPen(QPen(selected ? kAccent : palette.color(QPalette::Mid), selected ? 2.0 : 1.0));
  painter->setBrush(palette.color(QPalette::Button));
  painter->drawRoundedRect(body, kRadius, kRadius);
  QColor header = stateColor(state_);
  header.setAlphaF(0.18);
  QPainterPath headerPath;
  headerPath.addRoundedRect(QRectF(body.left(), body.top(), body.width(), kHeader), kRadius, kRadius);
  painter->fillPath(headerPath, header);

  // The badge: the state in words, right-aligned in the header.
  QFont badgeFont = smallFont();
  badgeFont.setBold(true);
  const QFontMetricsF badgeMetrics(badgeFont);
  const QString badge = badgeText();
  const double badgeWidth = badgeMetrics.horizontalAdvance(badge) + 12;
  const QRectF badgeRect(body.right() - badgeWidth - 6, (kHeader - 16) / 2, badgeWidth, 16);
  painter->setPen(Qt::NoPen);
  painter->setBrush(stateColor(state_));
  painter->drawRoundedRect(badgeRect, 8, 8);
  painter->setPen(Qt::white);
  painter->setFont(badgeFont);
  painter->drawText(badgeRect, Qt::AlignCenter, badge);

  // The title, elided before the badge.
  QFont titleFont = QApplication::font();
  titleFont.setBold(true);
  painter->setFont(titleFont);
  painter->setPen(palette.color(QPalette::ButtonText));
  const QRectF titleRect(body.left() + 10, 0, badgeRect.left() - body.left() - 14, kHeader);
  painter->drawText(titleRect, Qt::AlignVCenter | Qt::AlignLeft,
                    QFontMetricsF(titleFont).elidedText(title_, Qt::ElideRight, titleRect.width()));

  // Port names beside their dots.
  painter->setFont(smallFont());
  QColor portText = palette.color(QPalette::ButtonText);
  portText.setAlphaF(0.75);
  painter->setPen(portText);
  for (const PortItem* port : inputs_)
    painter->drawText(QRectF(12, port->pos().y() - kRow / 2, kWidth / 2 - 12, kRow), Qt::AlignVCenter | Qt::AlignLeft,
                      port->name());
  for (const PortItem* port : outputs_)
    painter->drawText(QRectF(kWidth / 2, port->pos().y() - kRow / 2, kWidth / 2 - 12, kRow),
                      Qt::AlignVCenter | Qt::AlignRight, port->name());

  // The progress bar while running.
  if (showsProgress()) {
    const QRectF track(body.left() + 8, body.bottom() - kPad / 2 - kBar, body.width() - 16, kBar);
    QColor trackColor = palette.color(QPalette::Mid);
    trackColor.setAlphaF(0.4);
    painter->setPen(Qt::NoPen);
    painter->setBrush(trackColor);
    painter->drawRoundedRect(track, 2, 2);
    painter->setBrush(kAccent);
    painter->drawRoundedRect(QRectF(track.left(), track.top(), track.width() * progress_, kBar), 2, 2);
  }

  // The error under a failed node, so it reads without hovering.
  if (showsError()) {
    const QRectF area = errorRect();
    QColor fill = stateColor(pipeline::NodeState::Failed);
    fill.setAlphaF(0.12);
    painter->setPen(QPen(stateColor(pipeline::NodeState::Failed), 1.0));
    painter->setBrush(fill);
    painter->drawRoundedRect(area, 4, 4);
    painter->setPen(stateColor(pipeline::NodeState::Failed).darker(130));
    painter->drawText(area.adjusted(4, 4, -4, -4), Qt::TextWordWrap, message_);
  }
}

QVariant NodeItem::itemChange(GraphicsItemChange change, const QVariant& value) {
  if (change == ItemPositionChange && !placing_) return snapped(value.toPointF());
  if (change == ItemPositionHasChanged)
    if (auto* pipelineScene = qobject_cast<PipelineScene*>(scene())) pipelineScene->nodeMovedOnCanvas(id_);
  return QGraphicsItem::itemChange(change, value);
}

void NodeItem::updateToolTip() {
  QString tip = QStringLiteral("%1 (%2)").arg(title_, typeTitle_);
  tip += QStringLiteral("\n") + badgeText();
  if (!message_.isEmpty()) tip += QStringLiteral(": ") + message_;
  setToolTip(tip);
}

}  // namespace lathe::widgets
