#pragma once
#include <QColor>

class QCustomPlot;
class QCPColorGradient;

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

  // Counts, light to dark (a viridis-like ramp, colour-blind safe) and readable on both palettes;
  // NaN is transparent, so an empty cell shows the background.
  static QCPColorGradient densityGradient();
  // Values from -1 to 1 (ColorBrewer's RdBu): a light middle, so values near 0 recede and strong
  // ones stand out on a light or a dark background alike; NaN in `undefined`.
  static QCPColorGradient divergingGradient(const QColor& undefined);
};

}  // namespace lathe::widgets
