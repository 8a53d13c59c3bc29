#include "widgets/charts/ScatterChart.h"

#include <QAction>
#include <algorithm>
#include <cmath>
#include <limits>
#include <utility>
#include <vector>

#include "widgets/charts/ChartStyle.h"

namespace lathe::widgets {

namespace {

constexpr double kPointHitPixels = 8.0;

// The side of the square density grid, or 0 when the sample has none that can be drawn.
std::size_t densityGridSide(const explore::ScatterSample& sample) {
  const std::size_t cells = sample.density.size();
  const auto side = static_cast<std::size_t>(std::llround(std::sqrt(static_cast<double>(cells))));
  if (side < 2 || side * side != cells) return 0;
  if (!std::isfinite(sample.xMin) || !std::isfinite(sample.xMax) || !std::isfinite(sample.yMin) ||
      !std::isfinite(sample.yMax))
    return 0;
  return side;
}

// A range that is never empty, so a constant column still gets an axis.
QCPRange widened(double low, double high) {
  if (low > high) std::swap(low, high);
  if (high > low) return {low, high};
  const double half = std::max(0.5, std::abs(low) * 0.05);
  return {low - half, high + half};
}

QCPRange padded(double low, double high) {
  if (!(high > low)) return widened(low, high);
  const double pad = (high - low) * 0.04;
  return {low - pad, high + pad};
}

}  // namespace

ScatterChart::ScatterChart(QWidget* parent)
    : ChartView(QStringLiteral("scatterChart"), parent), densityAction_(new QAction(this)) {
  densityAction_->setObjectName(QStringLiteral("showDensityAction"));
  densityAction_->setCheckable(true);
  densityAction_->setEnabled(false);
  addAction(densityAction_);  // ChartExport's context menu lists the chart's own actions
  connect(densityAction_, &QAction::toggled, this, &ScatterChart::setDensityMode);
  retranslate();
  rebuild(false);
}

void ScatterChart::setData(const explore::ScatterSample& sample) {
  sample_ = sample;
  densityAction_->setEnabled(densityGridSide(sample) > 0);
  rebuild(false);
}

void ScatterChart::clear() {
  sample_.reset();
  densityAction_->setEnabled(false);
  rebuild(false);
}

void ScatterChart::setDensityMode(bool on) {
  if (on == densityMode_) return;
  densityMode_ = on;
  {
    const QSignalBlocker blocker(densityAction_);
    densityAction_->setChecked(on);
  }
  rebuild(true);
  emit densityModeChanged(on);
}

int ScatterChart::pointCount() const {
  int points = 0;
  for (int i = 0; i < graphCount(); ++i) points += graph(i)->dataCount();
  return points;
}

int ScatterChart::seriesCount() const { return graphCount(); }

QString ScatterChart::noteText() const {
  const auto* note = findChild<QCPItemText*>(QStringLiteral("chartNote"));
  return note ? note->text() : QString();
}

QString ScatterChart::toolTipAt(const QPointF& pos) const {
  if (!sample_) return {};
  if (findChild<QCPColorMap*>()) return densityToolTip(pos);
  return pointToolTip(this, *sample_, pos);
}

void ScatterChart::redraw() {
  retranslate();
  rebuild(true);
}

void ScatterChart::retranslate() {
  densityAction_->setText(tr("Show Density"));
  densityAction_->setToolTip(tr("Colour a grid by how many rows fall in each cell, instead of drawing a sample of points"));
}

void ScatterChart::rebuild(bool keepView) {
  const QCPRange xView = xAxis->range();
  const QCPRange yView = yAxis->range();
  const bool hadData = xAxis->visible();
  clearPlottables();
  clearItems();
  removeColorScale();
  legend->setVisible(false);
  setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
  axisRect()->setRangeDrag(Qt::Horizontal | Qt::Vertical);
  axisRect()->setRangeZoom(Qt::Horizontal | Qt::Vertical);
  if (!sample_) return showEmptyState(tr("Choose two numeric columns to see how they relate."));
  if (sample_->totalPoints == 0 && sample_->x.empty())
    return showEmptyState(tr("No row has both %1 and %2 present.")
                              .arg(QString::fromStdString(sample_->xColumn), QString::fromStdString(sample_->yColumn)));

  // Density mode without a grid to draw falls back to the points.
  const bool drawn = (densityMode_ && drawDensity()) || drawPoints(this, *sample_) > 0;
  if (!drawn) return showEmptyState(tr("No point has finite values to plot."));
  if (keepView && hadData) {
    xAxis->setRange(xView);
    yAxis->setRange(yView);
  }
  ChartStyle::apply(this);  // styles the colour scale added for the density
  replot(rpQueuedReplot);
}

bool ScatterChart::drawDensity() {
  const explore::ScatterSample& sample = *sample_;
  const std::size_t side = densityGridSide(sample);
  if (side == 0) return false;
  const QCPRange xRange = widened(sample.xMin, sample.xMax);
  const QCPRange yRange = widened(sample.yMin, sample.yMax);
  const int cells = static_cast<int>(side);
  const double cellWidth = xRange.size() / cells;
  const double cellHeight = yRange.size() / cells;

  auto* map = new QCPColorMap(xAxis, yAxis);
  map->setName(tr("Density"));
  // The map's range names the centres of the outer cells; the cells then cover [min, max].
  map->data()->setSize(cells, cells);
  map->data()->setRange(QCPRange(xRange.lower + cellWidth / 2, xRange.upper - cellWidth / 2),
                        QCPRange(yRange.lower + cellHeight / 2, yRange.upper - cellHeight / 2));
  std::uint32_t largest = 0;
  for (std::size_t j = 0; j < side; ++j) {
    for (std::size_t i = 0; i < side; ++i) {
      const std::uint32_t rows = sample.density[j * side + i];
      largest = std::max(largest, rows);
      // An empty cell shows the background: log(0) has no colour.
      map->data()->setCell(static_cast<int>(i), static_cast<int>(j),
                           rows == 0 ? std::numeric_limits<double>::quiet_NaN() : static_cast<double>(rows));
    }
  }
  QCPColorScale* scale = addColorScale(QStringLiteral("densityScale"));
  scale->axis()->setLabel(tr("Rows per cell"));
  scale->axis()->setTicker(QSharedPointer<QCPAxisTickerLog>::create());
  map->setColorScale(scale);
  map->setGradient(ChartStyle::densityGradient());
  map->setDataScaleType(QCPAxis::stLogarithmic);
  map->setDataRange(QCPRange(1.0, std::max(2.0, static_cast<double>(largest))));
  map->setInterpolate(false);

  xAxis->setVisible(true);
  yAxis->setVisible(true);
  xAxis->grid()->setVisible(true);
  yAxis->grid()->setVisible(true);
  xAxis->setLabel(QString::fromStdString(sample.xColumn));
  yAxis->setLabel(QString::fromStdString(sample.yColumn));
  xAxis->setRange(padded(xRange.lower, xRange.upper));
  yAxis->setRange(padded(yRange.lower, yRange.upper));
  addNote(this, tr("Density of all %1 points").arg(countText(sample.totalPoints)));
  return true;
}

QString ScatterChart::densityToolTip(const QPointF& pos) const {
  const explore::ScatterSample& sample = *sample_;
  const std::size_t side = densityGridSide(sample);
  if (side == 0 || !axisRect()->rect().contains(pos.toPoint())) return {};
  const QCPRange xRange = widened(sample.xMin, sample.xMax);
  const QCPRange yRange = widened(sample.yMin, sample.yMax);
  const double x = xAxis->pixelToCoord(pos.x());
  const double y = yAxis->pixelToCoord(pos.y());
  if (!xRange.contains(x) || !yRange.contains(y)) return {};
  const double cellWidth = xRange.size() / static_cast<double>(side);
  const double cellHeight = yRange.size() / static_cast<double>(side);
  const auto i = std::min(side - 1, static_cast<std::size_t>((x - xRange.lower) / cellWidth));
  const auto j = std::min(side - 1, static_cast<std::size_t>((y - yRange.lower) / cellHeight));
  const double left = xRange.lower + static_cast<double>(i) * cellWidth;
  const double bottom = yRange.lower + static_cast<double>(j) * cellHeight;
  return tr("Rows: %1").arg(countText(sample.density[j * side + i])) +
         QLatin1Char('\n') +
         tr("%1: %2 to %3").arg(QString::fromStdString(sample.xColumn), numberText(left), numberText(left + cellWidth)) +
         QLatin1Char('\n') +
         tr("%1: %2 to %3").arg(QString::fromStdString(sample.yColumn), numberText(bottom), numberText(bottom + cellHeight));
}

int ScatterChart::drawPoints(QCustomPlot* plot, const explore::ScatterSample& sample) {
  const std::size_t points = std::min(sample.x.size(), sample.y.size());
  const bool coloured = !sample.categoryNames.empty() && !sample.category.empty();
  const std::size_t levels = coloured ? sample.categoryNames.size() : 0;
  // One bucket per level, and a last one for points without a (valid) level.
  std::vector<QVector<QCPGraphData>> buckets(levels + 1);
  double xLow = std::numeric_limits<double>::infinity(), xHigh = -xLow, yLow = xLow, yHigh = -xLow;
  int drawn = 0;
  for (std::size_t i = 0; i < points; ++i) {
    const double x = sample.x[i];
    const double y = sample.y[i];
    if (!std::isfinite(x) || !std::isfinite(y)) continue;
    std::size_t bucket = levels;
    if (coloured && i < sample.category.size() && sample.category[i] >= 0 &&
        static_cast<std::size_t>(sample.category[i]) < levels)
      bucket = static_cast<std::size_t>(sample.category[i]);
    buckets[bucket].push_back(QCPGraphData(x, y));
    xLow = std::min(xLow, x);
    xHigh = std::max(xHigh, x);
    yLow = std::min(yLow, y);
    yHigh = std::max(yHigh, y);
    ++drawn;
  }
  if (drawn == 0) return 0;

  // Many points: small discs without antialiasing, so 20,000 of them redraw while dragging.
  const bool many = drawn > kAntialiasedPointLimit;
  plot->setNotAntialiasedElement(QCP::aeScatters, many);
  for (std::size_t s = 0; s < buckets.size(); ++s) {
    const bool missing = s == levels;
    if (missing && buckets[s].isEmpty()) continue;
    QColor colour = !coloured   ? ChartStyle::primary()
                    : missing ? plot->palette().color(QPalette::Mid)
                              : ChartStyle::seriesColor(static_cast<int>(s));
    auto* graph = plot->addGraph(plot->xAxis, plot->yAxis);
    graph->setName(!coloured ? QString::fromStdString(sample.yColumn)
                   : missing ? tr("(missing)")
                             : QString::fromStdString(sample.categoryNames[s]));
    graph->setLineStyle(QCPGraph::lsNone);
    graph->setAdaptiveSampling(true);
    if (many) {
      colour.setAlpha(150);
      graph->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, colour, 3));
    } else {
      QColor fill = colour;
      fill.setAlpha(90);
      graph->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, colour, fill, 6));
    }
    graph->data()->set(buckets[s], false);
    if (coloured) graph->addToLegend();
  }
  plot->legend->setVisible(coloured);

  // The density grid's bounds hold every row, not just the sample: use them when given.
  if (densityGridSide(sample) > 0) {
    xLow = std::min(xLow, sample.xMin);
    xHigh = std::max(xHigh, sample.xMax);
    yLow = std::min(yLow, sample.yMin);
    yHigh = std::max(yHigh, sample.yMax);
  }
  for (QCPAxis* axis : {plot->xAxis, plot->yAxis}) {
    axis->setVisible(true);
    axis->grid()->setVisible(true);
  }
  plot->xAxis->setLabel(QString::fromStdString(sample.xColumn));
  plot->yAxis->setLabel(QString::fromStdString(sample.yColumn));
  plot->xAxis->setRange(padded(xLow, xHigh));
  plot->yAxis->setRange(padded(yLow, yHigh));
  const QString note = samplingNote(sample);
  if (!note.isEmpty()) addNote(plot, note);
  return drawn;
}

QString ScatterChart::pointToolTip(const QCustomPlot* plot, const explore::ScatterSample& sample, const QPointF& pos) {
  if (!plot->axisRect()->rect().contains(pos.toPoint())) return {};
  const std::size_t points = std::min(sample.x.size(), sample.y.size());
  double best = kPointHitPixels * kPointHitPixels;
  std::size_t nearest = points;
  for (std::size_t i = 0; i < points; ++i) {
    if (!std::isfinite(sample.x[i]) || !std::isfinite(sample.y[i])) continue;
    const double dx = plot->xAxis->coordToPixel(sample.x[i]) - pos.x();
    const double dy = plot->yAxis->coordToPixel(sample.y[i]) - pos.y();
    const double distance = dx * dx + dy * dy;
    if (distance <= best) {
      best = distance;
      nearest = i;
    }
  }
  if (nearest == points) return {};
  QStringList lines;
  lines << tr("%1: %2").arg(QString::fromStdString(sample.xColumn), numberText(sample.x[nearest]))
        << tr("%1: %2").arg(QString::fromStdString(sample.yColumn), numberText(sample.y[nearest]));
  if (!sample.colorColumn.empty()) {
    const std::int32_t level = nearest < sample.category.size() ? sample.category[nearest] : -1;
    const QString name = level >= 0 && static_cast<std::size_t>(level) < sample.categoryNames.size()
                             ? QString::fromStdString(sample.categoryNames[static_cast<std::size_t>(level)])
                             : tr("(missing)");
    lines << tr("%1: %2").arg(QString::fromStdString(sample.colorColumn), name);
  }
  return lines.join(QLatin1Char('\n'));
}

QString ScatterChart::samplingNote(const explore::ScatterSample& sample) {
  if (!sample.sampled()) return {};
  return tr("%1 of %2 points shown").arg(countText(sample.x.size()), countText(sample.totalPoints));
}

}  // namespace lathe::widgets
