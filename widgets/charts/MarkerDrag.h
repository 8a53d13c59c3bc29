#pragma once
#include <QPointF>
#include <functional>

class QMouseEvent;
class QWidget;

namespace lathe::widgets {

// The mouse side of a marker the user drags along a curve's points (the ROC chart's threshold,
// the business value's): a left press within kGrabPixels of a point grabs the marker, moving
// snaps it to the point nearest the mouse, releasing drops it; the cursor shows a hand over a
// point. The chart supplies how to find the nearest point and how to move its marker there.
class MarkerDrag {
 public:
  static constexpr double kGrabPixels = 12.0;
  // The index of the point nearest `pos` within `maxPixels`, or -1.
  using PointNear = std::function<int(const QPointF& pos, double maxPixels)>;
  using MoveTo = std::function<void(int index)>;
  // Whether `pos` is on the marker itself: a press there grabs it where it is (optional).
  using OnMarker = std::function<bool(const QPointF& pos)>;

  MarkerDrag(QWidget* view, PointNear pointNear, MoveTo moveTo, OnMarker onMarker = {});

  // Each returns true when it handled the event (the chart then does nothing more with it).
  bool press(QMouseEvent* event);
  bool move(QMouseEvent* event);
  bool release(QMouseEvent* event);
  bool dragging() const { return dragging_; }
  void cancel() { dragging_ = false; }

 private:
  QWidget* view_;
  PointNear pointNear_;
  MoveTo moveTo_;
  OnMarker onMarker_;
  bool dragging_ = false;
};

}  // namespace lathe::widgets
