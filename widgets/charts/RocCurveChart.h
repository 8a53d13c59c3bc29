#pragma once
#include <QString>
#include <QStringList>
#include <vector>

#include "widgets/charts/ChartView.h"
#include "widgets/charts/MarkerDrag.h"
#include "widgets/charts/RunCurveSeries.h"

namespace lathe::widgets {

// The ROC curves of several runs overlaid (x = false positive rate, y = true positive rate), one
// ChartStyle colour per run, the chance diagonal dashed, a legend with each run's AUC. A marker on
// the first curve shows one threshold; the user drags it along the curve (it snaps to the curve's
// points) and a corner label reads "threshold 0.42 · TPR 0.81 · FPR 0.22". It draws the curves it
// is given and computes nothing: the AUCs come with them.
class RocCurveChart : public ChartView {
  Q_OBJECT
 public:
  // Pixels from a point of the first curve within which a press grabs the marker.
  static constexpr double kGrabPixels = MarkerDrag::kGrabPixels;

  explicit RocCurveChart(QWidget* parent = nullptr);

  // Curves without a point are left out; x and y are cut to the shorter of the two. The marker
  // keeps its threshold when the first curve still has one near it, else starts nearest 0.5.
  void setCurves(std::vector<RunCurveSeries> curves);
  // No runs: no curves and a sentence saying what to do.
  void clear();

  // The curves drawn, in the order given (empty ones left out).
  int curveCount() const { return static_cast<int>(curves_.size()); }
  QString curveName(int index) const;
  // The area given with the curve; NaN for an index out of range.
  double curveArea(int index) const;
  // The legend's entry: "name (AUC 0.812)", or the name alone without an area.
  QString legendText(int index) const;

  // The threshold at the marker, NaN when there is none (no curve, or a first curve without
  // thresholds).
  double threshold() const;
  // Moves the marker to the first curve's point whose threshold is nearest `value`.
  void setThreshold(double value);
  bool hasMarker() const { return markerIndex_ >= 0; }
  // The marker's point (FPR, TPR); (NaN, NaN) without a marker.
  QPointF markerPoint() const;
  // The corner label, empty without a marker.
  QString markerText() const;

  QString toolTipAt(const QPointF& pos) const override;

  // Shared with PrCurveChart, so both draw runs alike.
  // The curves worth drawing: at least one point, x and y of equal length.
  static std::vector<RunCurveSeries> drawable(std::vector<RunCurveSeries> curves);
  // Unit axes from 0 to 1 with the given titles, one QCPCurve per series (objectName
  // "runCurve_<i>", the legend entry from `legendTexts`), the legend in `legendCorner`.
  static void drawCurves(QCustomPlot* plot, const std::vector<RunCurveSeries>& curves, const QStringList& legendTexts,
                         const QString& xTitle, const QString& yTitle, Qt::Alignment legendCorner);
  // The point (curve, index) nearest to `pos` within `maxPixels`, or (-1, -1).
  struct PointRef {
    int curve = -1;
    int point = -1;
  };
  static PointRef nearestPoint(const QCustomPlot* plot, const std::vector<RunCurveSeries>& curves, const QPointF& pos,
                               double maxPixels);
  // The legend entry "name (AUC 0.812)": `areaFormat` holds %1 (the name) and %2 (the area).
  static QString withArea(const QString& name, double area, const QString& areaFormat);
  // Rates and areas as the charts write them (fixed decimals), thresholds with 3 significant digits.
  static QString rateText(double value, int decimals = 2);
  static QString thresholdText(double value);

 signals:
  // The marker moved to another threshold (by a drag, setThreshold or new curves).
  void thresholdChanged(double threshold);

 protected:
  void redraw() override;
  void mousePressEvent(QMouseEvent* event) override;
  void mouseMoveEvent(QMouseEvent* event) override;
  void mouseReleaseEvent(QMouseEvent* event) override;

 private:
  void rebuild();
  void placeMarker();
  // The first curve's point with a threshold nearest `pos` within `maxPixels`, or -1.
  int markerPointNear(const QPointF& pos, double maxPixels) const;
  int pointWithThresholdNearest(double value) const;
  void moveMarkerTo(int index);
  QString pointText(int curve, int point) const;

  std::vector<RunCurveSeries> curves_;
  bool given_ = false;   // setCurves was called since the last clear()
  int markerIndex_ = -1; // into the first curve's points
  MarkerDrag drag_;
  QCPItemTracer* marker_ = nullptr;
  QCPItemText* markerLabel_ = nullptr;
};

}  // namespace lathe::widgets
