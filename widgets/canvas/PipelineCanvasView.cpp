#include "widgets/canvas/PipelineCanvasView.h"

#include <QGraphicsScene>
#include <QPainter>
#include <QWheelEvent>
#include <algorithm>
#include <cmath>

namespace lathe::widgets {
namespace {
constexpr double kGrid = 24.0;
constexpr double kMinZoom = 0.25;
constexpr double kMaxZoom = 4.0;
}  // namespace

PipelineCanvasView::PipelineCanvasView(QWidget* parent) : QGraphicsView(parent) {
  setScene(new QGraphicsScene(QRectF(-2000, -2000, 4000, 4000), this));
  setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
  setDragMode(QGraphicsView::ScrollHandDrag);
  setTransformationAnchor(QGraphicsView::AnchorUnderMouse);
  setViewportUpdateMode(QGraphicsView::SmartViewportUpdate);
  setFrameShape(QFrame::NoFrame);
  // Panning is by dragging; scroll bars over an endless grid only add noise.
  setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
  setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
  setAcceptDrops(false);  // files dropped here go to the window, which routes them
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

void PipelineCanvasView::wheelEvent(QWheelEvent* event) {
  if (event->modifiers() & Qt::ControlModifier) {
    const double steps = event->angleDelta().y() / 120.0;
    setZoom(zoom() * std::pow(1.15, steps));
    event->accept();
    return;
  }
  QGraphicsView::wheelEvent(event);
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
