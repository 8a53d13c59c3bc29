#pragma once
#include <QString>
#include <vector>

#include "widgets/charts/ChartView.h"
#include "widgets/charts/RunCurveSeries.h"

namespace lathe::widgets {

// The precision-recall curves of several runs overlaid (x = recall, y = precision), one ChartStyle
// colour per run as in the ROC chart, a legend with each run's average precision ("AP 0.741").
// It draws the curves it is given and computes nothing: the areas come with them.
class PrCurveChart : public ChartView {
  Q_OBJECT
 public:
  explicit PrCurveChart(QWidget* parent = nullptr);

  // Curves without a point are left out; x and y are cut to the shorter of the two.
  void setCurves(std::vector<RunCurveSeries> curves);
  // No runs: no curves and a sentence saying what to do.
  void clear();

  int curveCount() const { return static_cast<int>(curves_.size()); }
  QString curveName(int index) const;
  // The average precision given with the curve; NaN for an index out of range.
  double curveArea(int index) const;
  // The legend's entry: "name (AP 0.741)", or the name alone without an area.
  QString legendText(int index) const;

  // "run\nthreshold 0.42 · precision 0.81 · recall 0.77" over a point, empty elsewhere.
  QString toolTipAt(const QPointF& pos) const override;

 protected:
  void redraw() override;

 private:
  void rebuild();

  std::vector<RunCurveSeries> curves_;
  bool given_ = false;  // setCurves was called since the last clear()
};

}  // namespace lathe::widgets
