#pragma once
#include <QColor>

class QCustomPlot;

namespace lathe::widgets {

// The one look every chart shares: the widget's palette (light or dark), the application font,
// quiet grids, and one colour per class or series, the same in every chart (Okabe-Ito, which
// stays distinguishable for colour-blind users).
class ChartStyle {
 public:
  static constexpr int kSeriesColors = 8;
  // The colour of class or series `index`, cycling after kSeriesColors.
  static QColor seriesColor(int index);
  // The colour of a chart with one series.
  static QColor primary();
  // Applies fonts, background, axis, tick and grid colours from the plot's palette to every
  // axis rect, colour scale and legend of the plot. Call again after adding axes or scales.
  static void apply(QCustomPlot* plot);
};

}  // namespace lathe::widgets
