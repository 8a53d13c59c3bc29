#pragma once
#include <QString>
#include <cstddef>
#include <optional>

#include "engine/explore/BoxPlotData.h"
#include "widgets/charts/ChartView.h"

namespace lathe::widgets {

// A box plot of a numeric column, one box per level of a group column: Tukey boxes, whiskers at
// 1.5 IQR, the outliers beyond as points, the levels on the x axis and each box's numbers in its
// tooltip. It draws the explore::BoxPlotData it is given and computes nothing. Drag and the wheel
// pan and zoom the values; "Export Chart…" is in the context menu.
class BoxPlotChart : public ChartView {
  Q_OBJECT
 public:
  explicit BoxPlotChart(QWidget* parent = nullptr);

  void setData(const explore::BoxPlotData& data);
  // Forgets the data and shows what to do instead.
  void clear();

  // Boxes drawn; a box of the data whose numbers are not finite is labelled but not drawn.
  int boxCount() const;
  // The x-axis label of box `box` (in the data's order), empty when there is none.
  QString boxLabel(int box) const;
  QString toolTipAt(const QPointF& pos) const override;

  // The drawing, shared with FeatureTargetChart so both show boxes alike: adds one
  // QCPStatisticalBox per box of `data` to the plot's main axes, labels the x axis with the levels
  // and sets both ranges. Returns the number of boxes drawn.
  static int drawBoxes(QCustomPlot* plot, const explore::BoxPlotData& data);
  // The label of box `box`: its level, or the column name when the plot is not grouped.
  static QString labelOf(const explore::BoxPlotData& data, std::size_t box);
  // The tooltip of the box (or outlier) under `pos` in a plot drawn by drawBoxes.
  static QString boxToolTip(const QCustomPlot* plot, const explore::BoxPlotData& data, const QPointF& pos);

 protected:
  void redraw() override;

 private:
  std::optional<explore::BoxPlotData> data_;
};

}  // namespace lathe::widgets
