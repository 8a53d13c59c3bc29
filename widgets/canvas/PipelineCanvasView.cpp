#include "widgets/canvas/PipelineCanvasView.h"

#include "widgets/canvas/PipelineScene.h"

#include <QGraphicsScene>
#include <QKeyEvent>
#include <QMimeData>
#include <QMouseEvent>
#include <QPainter>
#include <QScrollBar>
#include <QWheelEvent>
#include <algorithm>
#include <cmath>

namespace lathe::widgets {
namespace {
constexpr double kGrid = 20.0;  // a multiple of the 10-px snap, so nodes line up with dots
constexpr double kMinZoom = 0.25;
constexpr double kMaxZoom = 4.0;
}  // namespace

PipelineCanvasView::PipelineCanvasView(QWidget* parent) : QGraphicsView(parent) {
  setScene(new QGraphicsScene(QRectF(-2000, -2000, 4000, 4000), this));
  setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
  setObjectName(QStringLiteral("canvas.view"));
  setDragMode(QGraphicsView::RubberBandDrag);
  setRubberBandSelectionMode(Qt::IntersectsItemShape);
  setTransformationAnchor(QGraphicsView::AnchorUnderMouse);
  setViewportUpdateMode(QGraphicsView::SmartViewportUpdate);
  setFrameShape(QFrame::NoFrame);
  // Panning is by dragging; scroll bars over an endless grid only add noise.
  setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
  setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
  // Node types from the palette drop here; files are ignored and so reach the window, which
  // routes them.
  setAcceptDrops(true);
  centerOn(0, 0);
}

void PipelineCanvasView::setEmptyHint(const QString& title, const QString& text) {
  hintTitle_ = title;
  hintText_ = text;
  viewport()->update();
}

double PipelineCanvasView::zoom() const { return transform().m11(); }

void PipelineCanvasView::setZoom(double factor) {
  factor = std::clamp(factor, kMinZoom, kMaxZoom);
  if (std::abs(factor - zoom()) < 1e-9) return;
  setTransform(QTransform::fromScale(factor, factor));
  emit zoomChanged(factor);
}

void PipelineCanvasView::fitToContents() {
  if (!scene()) return;
  const QRectF area = scene()->itemsBoundingRect().adjusted(-40, -40, 40, 40);
  if (area.width() <= 80 || viewport()->width() < 50 || viewport()->height() < 50) return;
  setZoom(std::min({1.0, viewport()->width() / area.width(), viewport()->height() / area.height()}));
  centerOn(area.center());
}

void PipelineCanvasView::wheelEvent(QWheelEvent* event) {
  if (event->modifiers() & Qt::ControlModifier) {
    const double steps = event->angleDelta().y() / 120.0;
    setZoom(zoom() * std::pow(1.15, steps));
    event->accept();
    return;
  }
  QGraphicsView::wheelEvent(event);
}

void PipelineCanvasView::panBy(QPoint delta) {
  horizontalScrollBar()->setValue(horizontalScrollBar()->value() - delta.x());
  verticalScrollBar()->setValue(verticalScrollBar()->value() - delta.y());
}

void PipelineCanvasView::setSpaceHeld(bool held) {
  spaceHeld_ = held;
  if (!panning_) viewport()->setCursor(held ? Qt::OpenHandCursor : Qt::ArrowCursor);
}

void PipelineCanvasView::mousePressEvent(QMouseEvent* event) {
  const bool pan = event->button() == Qt::MiddleButton || (event->button() == Qt::LeftButton && spaceHeld_);
  if (pan) {
    panning_ = true;
    lastPan_ = event->position().toPoint();
    viewport()->setCursor(Qt::ClosedHandCursor);
    event->accept();
    return;
  }
  QGraphicsView::mousePressEvent(event);
}

void PipelineCanvasView::mouseMoveEvent(QMouseEvent* event) {
  if (panning_) {
    const QPoint at = event->position().toPoint();
    panBy(at - lastPan_);
    lastPan_ = at;
    event->accept();
    return;
  }
  QGraphicsView::mouseMoveEvent(event);
}

void PipelineCanvasView::mouseReleaseEvent(QMouseEvent* event) {
  if (panning_ && (event->button() == Qt::MiddleButton || event->button() == Qt::LeftButton)) {
    panning_ = false;
    viewport()->setCursor(spaceHeld_ ? Qt::OpenHandCursor : Qt::ArrowCursor);
    event->accept();
    return;
  }
  QGraphicsView::mouseReleaseEvent(event);
}

void PipelineCanvasView::keyPressEvent(QKeyEvent* event) {
  if (event->key() == Qt::Key_Space && !event->isAutoRepeat()) {
    setSpaceHeld(true);
    event->accept();
    return;
  }
  QGraphicsView::keyPressEvent(event);
}

void PipelineCanvasView::keyReleaseEvent(QKeyEvent* event) {
  if (event->key() == Qt::Key_Space && !event->isAutoRepeat()) {
    setSpaceHeld(false);
    event->accept();
    return;
  }
  QGraphicsView::keyReleaseEvent(event);
}

void PipelineCanvasView::focusOutEvent(QFocusEvent* event) {
  setSpaceHeld(false);  // the release may go to another window
  QGraphicsView::focusOutEvent(event);
}

void PipelineCanvasView::dragEnterEvent(QDragEnterEvent* event) {
  if (!event->mimeData()->hasFormat(QLatin1String(PipelineScene::kNodeTypeMime))) {
    event->ignore();
    return;
  }
  QGraphicsView::dragEnterEvent(event);
}

void PipelineCanvasView::dragMoveEvent(QDragMoveEvent* event) {
  if (!event->mimeData()->hasFormat(QLatin1String(PipelineScene::kNodeTypeMime))) {
    event->ignore();
    return;
  }
  QGraphicsView::dragMoveEvent(event);
}

void PipelineCanvasView::drawBackground(QPainter* painter, const QRectF& rect) {
  const QPalette& pal = palette();
  painter->fillRect(rect, pal.color(QPalette::Base));
  QColor dot = pal.color(QPalette::Text);
  dot.setAlphaF(0.18);
  painter->setPen(QPen(dot, 1.5 / std::max(zoom(), 0.5)));
  const double left = std::floor(rect.left() / kGrid) * kGrid;
  const double top = std::floor(rect.top() / kGrid) * kGrid;
  QVector<QPointF> dots;
  for (double x = left; x < rect.right(); x += kGrid)
    for (double y = top; y < rect.bottom(); y += kGrid) dots.append(QPointF(x, y));
  painter->drawPoints(dots.constData(), int(dots.size()));
}

void PipelineCanvasView::drawForeground(QPainter* painter, const QRectF&) {
  if (!scene() || !scene()->items().isEmpty() || hintTitle_.isEmpty()) return;
  // The hint stays the same size and in the middle of the viewport, whatever the zoom.
  painter->save();
  painter->resetTransform();
  // A readable measure: at most ~560 px wide, centred.
  const QRect view = viewport()->rect();
  const int width = std::min(view.width() - 80, 560);
  const QRect area(view.center().x() - width / 2, view.top(), width, view.height());
  QFont titleFont = font();
  titleFont.setPointSizeF(titleFont.pointSizeF() * 1.35);
  titleFont.setBold(true);
  QColor textColor = palette().color(QPalette::Text);
  textColor.setAlphaF(0.75);
  painter->setPen(textColor);
  painter->setFont(titleFont);
  const QRect titleRect(area.left(), area.center().y() - 40, area.width(), 32);
  painter->drawText(titleRect, Qt::AlignHCenter | Qt::AlignBottom, hintTitle_);
  textColor.setAlphaF(0.55);
  painter->setPen(textColor);
  painter->setFont(font());
  const QRect textRect(area.left(), titleRect.bottom() + 8, area.width(), 80);
  painter->drawText(textRect, Qt::AlignHCenter | Qt::AlignTop | Qt::TextWordWrap, hintText_);
  painter->restore();
}

}  // namespace lathe::widgets
