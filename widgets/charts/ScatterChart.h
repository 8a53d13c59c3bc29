#pragma once
#include <QString>
#include <optional>

#include "engine/explore/ScatterSample.h"
#include "widgets/charts/ChartView.h"

class QAction;

namespace lathe::widgets {

// A scatter plot of two numeric columns, one colour per level of an optional colour column, with
// a legend. It draws the explore::ScatterSample it is given (at most ~20k points, however many
// rows) and says when the points are a sample. "Show Density" (context menu, densityAction())
// draws the density grid of every row instead, on a logarithmic colour scale. Drag and the
// wheel pan and zoom; hovering a point shows its values.
class ScatterChart : public ChartView {
  Q_OBJECT
 public:
  // Above this many points, scatters are drawn without antialiasing so panning stays fluid.
  static constexpr int kAntialiasedPointLimit = 3000;

  explicit ScatterChart(QWidget* parent = nullptr);

  void setData(const explore::ScatterSample& sample);
  // Forgets the data and shows what to do instead.
  void clear();

  // Density mode draws sample.density instead of the points; the view (zoom) is kept.
  void setDensityMode(bool on);
  bool densityMode() const { return densityMode_; }
  // The checkable "Show Density" action, also in the context menu; disabled without a grid.
  QAction* densityAction() const { return densityAction_; }

  // Points drawn (0 in density mode).
  int pointCount() const;
  // Point series drawn: one per colour level, plus one for points without a level (0 in
  // density mode).
  int seriesCount() const;
  // The note in the corner ("20,000 of 1,000,000 points shown"), empty when there is none.
  QString noteText() const;
  QString toolTipAt(const QPointF& pos) const override;

  // The drawing, shared with FeatureTargetChart so both show points alike: one QCPGraph per
  // colour level on the plot's main axes, the legend, the ranges and the sampling note.
  // Returns the number of points drawn.
  static int drawPoints(QCustomPlot* plot, const explore::ScatterSample& sample);
  // The values of the point nearest to `pos` (within a few pixels) in a plot drawn by drawPoints.
  static QString pointToolTip(const QCustomPlot* plot, const explore::ScatterSample& sample, const QPointF& pos);
  // "20,000 of 1,000,000 points shown" when the sample holds fewer points than rows, else empty.
  static QString samplingNote(const explore::ScatterSample& sample);

 signals:
  void densityModeChanged(bool on);

 protected:
  void redraw() override;

 private:
  void rebuild(bool keepView);
  bool drawDensity();
  void retranslate();
  QString densityToolTip(const QPointF& pos) const;

  std::optional<explore::ScatterSample> sample_;
  bool densityMode_ = false;
  QAction* densityAction_;
};

}  // namespace lathe::widgets
