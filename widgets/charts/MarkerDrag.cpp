#include "widgets/charts/MarkerDrag.h"

#include <QMouseEvent>
#include <QWidget>
#include <limits>

namespace lathe::widgets {

namespace {
constexpr double kAnywhere = std::numeric_limits<double>::infinity();
}

MarkerDrag::MarkerDrag(QWidget* view, PointNear pointNear, MoveTo moveTo, OnMarker onMarker)
    : view_(view), pointNear_(std::move(pointNear)), moveTo_(std::move(moveTo)), onMarker_(std::move(onMarker)) {}

bool MarkerDrag::press(QMouseEvent* event) {
  if (event->button() != Qt::LeftButton) return false;
  const int near = pointNear_(event->position(), kGrabPixels);
  if (near < 0) return false;
  dragging_ = true;
  view_->setCursor(Qt::ClosedHandCursor);
  // A press on the marker grabs it where it is, even with other points under the mouse.
  if (!onMarker_ || !onMarker_(event->position())) moveTo_(near);
  event->accept();
  return true;
}

bool MarkerDrag::move(QMouseEvent* event) {
  if (dragging_) {
    // Along the curve: wherever the mouse goes, the marker takes the nearest point.
    moveTo_(pointNear_(event->position(), kAnywhere));
    event->accept();
    return true;
  }
  if (pointNear_(event->position(), kGrabPixels) >= 0) view_->setCursor(Qt::OpenHandCursor);
  else view_->unsetCursor();
  return false;
}

bool MarkerDrag::release(QMouseEvent* event) {
  if (!dragging_) return false;
  moveTo_(pointNear_(event->position(), kAnywhere));
  dragging_ = false;
  view_->setCursor(Qt::OpenHandCursor);
  event->accept();
  return true;
}

}  // namespace lathe::widgets
