#pragma once
#include <QString>
#include <cstdint>

#include <qcustomplot.h>

namespace lathe::widgets {

// What every chart shares: the one look (ChartStyle) and "Export Chart…" (ChartExport) from the
// start, a sentence in the middle while there is nothing to draw, the tooltip of whatever is
// under the mouse, and a fresh drawing when the palette or the language changes. A chart draws
// the engine's struct it is given and computes nothing.
class ChartView : public QCustomPlot {
  Q_OBJECT
 public:
  // The hover text at a widget position, empty when nothing is under it.
  virtual QString toolTipAt(const QPointF& pos) const = 0;
  // The text shown while there is nothing to draw, empty while the chart shows data.
  QString emptyStateText() const;

  // Adds a small note in the bottom-right corner of the plot's axis rect ("chartNote").
  static void addNote(QCustomPlot* plot, const QString& text);

 protected:
  ChartView(const QString& objectName, QWidget* parent);

  // Removes the plottables, hides the axes and their grids, and centres `text` in the plot. The
  // next drawing takes it away with clearItems() (or hideEmptyState(), for charts keeping items).
  void showEmptyState(const QString& text);
  void hideEmptyState();
  // A colour scale right of the plot, as tall as the plot's axis rect; one at a time.
  QCPColorScale* addColorScale(const QString& objectName);
  // Removes the colour scale, and the row or column of the layout it leaves empty.
  void removeColorScale();
  // Draws the data again: called once the palette (after ChartStyle) or the language changed.
  virtual void redraw() = 0;

  // Figures as tooltips and notes write them: six significant digits, thousands grouped (even
  // in the C locale, which leaves them ungrouped by default).
  static QString numberText(double value);
  static QString countText(std::uint64_t value);

  bool event(QEvent* event) override;
  void changeEvent(QEvent* event) override;

 private:
  QCPColorScale* colorScale_ = nullptr;
  QCPMarginGroup* marginGroup_ = nullptr;
};

}  // namespace lathe::widgets
