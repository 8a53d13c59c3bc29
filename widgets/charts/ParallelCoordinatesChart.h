#pragma once
#include <QColor>
#include <QPointF>
#include <QString>
#include <QStringList>
#include <QVector>
#include <optional>
#include <utility>
#include <vector>

#include "engine/experiments/ParallelCoordinates.h"
#include "widgets/charts/ChartView.h"

namespace lathe::widgets {

// Hyperparameters against a metric: one vertical axis per hyperparameter (its name on top, 3-5
// tick labels: values, decades on a log axis, or the categories), the metric's axis last, and one
// line per run coloured by its metric on a blue-to-vermilion ramp whose best end is named in the
// colour scale. A run without the metric is grey; a run lacking a parameter has a gap there.
// Hovering a line brings it forward and the tooltip names the run and its values. Clicking an
// axis colours the lines by that axis instead. It draws the experiments::ParallelCoordinates it
// is given and computes nothing else; 1,000 runs stay quick (hover repaints one layer only).
class ParallelCoordinatesChart : public ChartView {
  Q_OBJECT
 public:
  // Pixels from a line within which hovering picks it, and from an axis within which a click
  // colours by it.
  static constexpr double kHoverPixels = 6.0;
  static constexpr double kAxisClickPixels = 6.0;

  explicit ParallelCoordinatesChart(QWidget* parent = nullptr);

  void setCoordinates(const experiments::ParallelCoordinates& coordinates);
  // No runs: nothing drawn and a sentence saying what to do.
  void clear();

  int axisCount() const;
  QString axisName(int axis) const;
  // The tick labels written on an axis, bottom to top.
  QStringList tickLabels(int axis) const;
  int lineCount() const;
  // One point per axis in plot coordinates: x = the axis index, y = the position in [0, 1];
  // y is NaN where the run lacks the value (the line has a gap there). Empty out of range.
  QVector<QPointF> linePoints(int line) const;
  QColor lineColor(int line) const;

  // The axis the lines are coloured by (the metric's by default), -1 with nothing to colour by.
  int colorAxis() const { return colorAxis_; }
  void setColorAxis(int axis);
  // The colour scale's tick labels, bottom to top; the best end of a metric reads "… (best)".
  QStringList colorScaleLabels() const;

  // The line under the mouse, -1 when none.
  int highlightedLine() const { return highlighted_; }
  // The line nearest to `pos` within kHoverPixels, -1 when none.
  int lineAt(const QPointF& pos) const;
  QString toolTipAt(const QPointF& pos) const override;

 protected:
  void redraw() override;
  void mouseMoveEvent(QMouseEvent* event) override;
  void mousePressEvent(QMouseEvent* event) override;
  void leaveEvent(QEvent* event) override;

 private:
  using Tick = std::pair<double, QString>;  // position in [0, 1], label
  void rebuild();
  void drawAxes();
  void drawLines();
  void drawColorScale();
  void highlight(int line);
  int axisAt(const QPointF& pos) const;
  // The lines' colour value in [0, 1] on the colour axis (1 = best for the metric), NaN for none.
  double colorValue(int line) const;
  QColor colorOf(double value) const;
  QString valueText(int axis, double position) const;
  std::vector<Tick> ticksOf(int axis) const;
  // Whole numbers in full ("300", "1,000,000"), the rest with `digits` significant digits.
  static QString figure(double value, int digits = 6);

  std::optional<experiments::ParallelCoordinates> coordinates_;
  int colorAxis_ = -1;
  int highlighted_ = -1;
  std::vector<QCPCurve*> curves_;  // per line, in the coordinates' order
  std::vector<QColor> colors_;
  std::vector<QStringList> tickLabels_;
  QStringList colorScaleLabels_;
  QCPCurve* highlightCurve_ = nullptr;
};

}  // namespace lathe::widgets
