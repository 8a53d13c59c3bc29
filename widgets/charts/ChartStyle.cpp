#include "widgets/charts/ChartStyle.h"

#include <array>

#include <qcustomplot.h>

namespace lathe::widgets {

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

}  // namespace lathe::widgets
