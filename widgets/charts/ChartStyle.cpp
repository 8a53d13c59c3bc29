#include "widgets/charts/ChartStyle.h"

#include <array>

#include <qcustomplot.h>

namespace lathe::widgets {

namespace {

// Five colours at 0, 0.25, 0.5, 0.75 and 1, blended in RGB over 256 levels.
QCPColorGradient gradientThrough(const std::array<QRgb, 5>& stops) {
  QCPColorGradient gradient;
  gradient.clearColorStops();
  for (std::size_t i = 0; i < stops.size(); ++i) gradient.setColorStopAt(0.25 * static_cast<double>(i), QColor(stops[i]));
  gradient.setColorInterpolation(QCPColorGradient::ciRGB);
  gradient.setLevelCount(256);
  return gradient;
}

}  // namespace

QColor ChartStyle::seriesColor(int index) {
  // Okabe & Ito (2008), in an order where neighbours contrast; black left out for dark themes.
  static constexpr std::array<QRgb, kSeriesColors> kColors = {0x0072B2, 0xE69F00, 0x009E73, 0xD55E00,
                                                              0xCC79A7, 0x56B4E9, 0xF0E442, 0x999999};
  const int slot = ((index % kSeriesColors) + kSeriesColors) % kSeriesColors;
  return QColor(kColors[static_cast<std::size_t>(slot)]);
}

QColor ChartStyle::primary() { return seriesColor(0); }

void ChartStyle::apply(QCustomPlot* plot) {
  const QPalette palette = plot->palette();
  const QColor text = palette.color(QPalette::WindowText);
  const QColor base = palette.color(QPalette::Base);
  QColor grid = text;
  grid.setAlphaF(0.12f);
  QColor subGrid = text;
  subGrid.setAlphaF(0.05f);

  plot->setBackground(base);
  QFont font = plot->font();
  QFont small = font;
  small.setPointSizeF(font.pointSizeF() > 0 ? font.pointSizeF() * 0.9 : 8.0);

  // Colour scales (heatmaps, densities) carry an axis of their own, outside axisRects().
  QList<QCPAxis*> axes;
  for (QCPAxisRect* rect : plot->axisRects()) axes += rect->axes();
  for (QCPLayoutElement* element : plot->plotLayout()->elements(true))
    if (auto* scale = qobject_cast<QCPColorScale*>(element)) axes += scale->axis();
  for (QCPAxis* axis : axes) {
    axis->setBasePen(QPen(text, 1));
    axis->setTickPen(QPen(text, 1));
    axis->setSubTickPen(QPen(text, 1));
    axis->setTickLabelColor(text);
    axis->setLabelColor(text);
    axis->setTickLabelFont(small);
    axis->setLabelFont(font);
    axis->grid()->setPen(QPen(grid, 1, Qt::SolidLine));
    axis->grid()->setSubGridPen(QPen(subGrid, 1, Qt::DotLine));
    axis->grid()->setZeroLinePen(QPen(grid, 1));
  }
  if (plot->legend) {
    plot->legend->setBrush(QBrush(base));
    plot->legend->setTextColor(text);
    plot->legend->setBorderPen(QPen(grid, 1));
    plot->legend->setFont(small);
  }
}

QCPColorGradient ChartStyle::densityGradient() {
  QCPColorGradient gradient = gradientThrough({0x440154, 0x3B528B, 0x21908C, 0x5DC863, 0xFDE725});
  gradient.setNanHandling(QCPColorGradient::nhTransparent);
  return gradient;
}

QCPColorGradient ChartStyle::divergingGradient(const QColor& undefined) {
  QCPColorGradient gradient = gradientThrough({0x2166AC, 0x67A9CF, 0xF7F7F7, 0xEF8A62, 0xB2182B});
  gradient.setNanHandling(QCPColorGradient::nhNanColor);
  gradient.setNanColor(undefined);
  return gradient;
}

}  // namespace lathe::widgets
