#pragma once
#include <QString>
#include <vector>

#include "engine/store/ProjectInfo.h"
#include "widgets/charts/BusinessValueSeries.h"
#include "widgets/charts/ChartView.h"
#include "widgets/charts/MarkerDrag.h"

namespace lathe::widgets {

// What each threshold is worth under the project's cost/value matrix (x = threshold, left y =
// expected value per row), one ChartStyle colour per run, a legend with each run's best value,
// a horizontal zero line (above it the model earns, below it costs), each run's best threshold
// as a dashed vertical line with the first run's labelled "best threshold 0.31 · 0.42 per row".
// When the project's KPI metric depends on the threshold, each run's KPI is drawn dotted on the
// right axis with the target as a dashed line ("KPI target f1 ≥ 0.70"); otherwise a corner note
// says it does not. A marker on the first curve shows one threshold (it starts at the usual 0.5
// decision); the user drags it along the curve. Computes nothing: the curves come from
// experiments::BusinessValueCurve.
class BusinessValueChart : public ChartView {
  Q_OBJECT
 public:
  static constexpr double kGrabPixels = MarkerDrag::kGrabPixels;

  explicit BusinessValueChart(QWidget* parent = nullptr);

  // Curves without a point are left out. The marker keeps its threshold when the first curve
  // still has one near it, else starts at the first curve's default decision (0.5).
  void setCurves(std::vector<BusinessValueSeries> curves);
  // The KPI's metric name and target for the right axis, the target line and the note.
  void setKpi(const store::Kpi& kpi);
  // Without a cost matrix (nothing set) the chart asks for one instead of drawing flat zeros.
  void setCostMatrix(const store::CostMatrix& costs);
  // No runs: no curves and a sentence saying what to do.
  void clear();
  // After clear(), a panel may say in its own words why there is no curve (until the next
  // drawing); setCostMatrix() and setCurves({}) give the chart's own sentences.
  using ChartView::showEmptyState;

  int curveCount() const { return static_cast<int>(curves_.size()); }
  QString curveName(int index) const;
  // The best point's threshold and expected value per row; NaN for an index out of range.
  double bestThreshold(int index) const;
  double bestValue(int index) const;
  // The legend's entry: "name (best 0.42 per row)".
  QString legendText(int index) const;
  // The label of the first curve's best threshold ("best threshold 0.31 · 0.42 per row").
  QString bestText() const;
  // Whether the KPI target is drawn as a line (a KPI that depends on the threshold, with a target).
  bool hasKpiLine() const { return kpiLine_ != nullptr; }
  // Where the x axis draws a threshold: the "flag no one" threshold (the highest score + 1) at
  // the axis's end, 1, when the thresholds are probabilities.
  double drawnThreshold(double threshold) const;

  // The threshold at the marker, NaN without a marker.
  double threshold() const;
  // Moves the marker to the first curve's point whose threshold is nearest `value`.
  void setThreshold(double value);
  bool hasMarker() const { return markerIndex_ >= 0; }
  // "threshold 0.5 · −0.12 per row · f1 0.71", empty without a marker.
  QString markerText() const;

  QString toolTipAt(const QPointF& pos) const override;

 signals:
  void thresholdChanged(double threshold);

 protected:
  void redraw() override;
  void mousePressEvent(QMouseEvent* event) override;
  void mouseMoveEvent(QMouseEvent* event) override;
  void mouseReleaseEvent(QMouseEvent* event) override;

 private:
  void rebuild();
  void drawBest();
  void drawKpi();
  void drawMarker();
  void placeMarker();
  bool kpiDrawn() const;
  QString thresholdText(double threshold) const;
  QString pointText(std::size_t curve, std::size_t point) const;
  int pointNearestThreshold(double value) const;
  int markerPointNear(const QPointF& pos, double maxPixels) const;
  void moveMarkerTo(int index);

  std::vector<BusinessValueSeries> curves_;
  store::Kpi kpi_;
  bool costsSet_ = true;
  bool given_ = false;
  bool probabilities_ = true;  // every threshold but "flag no one" within [0, 1]
  int markerIndex_ = -1;       // into the first curve's points
  MarkerDrag drag_;
  QCPItemStraightLine* kpiLine_ = nullptr;
  QCPItemTracer* marker_ = nullptr;
  QCPItemText* markerLabel_ = nullptr;
};

}  // namespace lathe::widgets
