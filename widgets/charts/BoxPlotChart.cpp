#include "widgets/charts/BoxPlotChart.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "widgets/charts/ChartStyle.h"

namespace lathe::widgets {

namespace {

constexpr double kBoxWidth = 0.6;
constexpr double kOutlierHitPixels = 6.0;
constexpr int kLongLabel = 18;  // characters; longer level names are elided on the axis

bool finiteBox(const explore::BoxStats& box) {
  return std::isfinite(box.q1) && std::isfinite(box.median) && std::isfinite(box.q3) &&
         std::isfinite(box.lowerWhisker) && std::isfinite(box.upperWhisker);
}

QString elided(const QString& label) {
  return label.size() > kLongLabel ? label.left(kLongLabel - 1) + QChar(0x2026) : label;
}

}  // namespace

BoxPlotChart::BoxPlotChart(QWidget* parent) : ChartView(QStringLiteral("boxPlotChart"), parent) { redraw(); }

void BoxPlotChart::setData(const explore::BoxPlotData& data) {
  data_ = data;
  redraw();
}

void BoxPlotChart::clear() {
  data_.reset();
  redraw();
}

int BoxPlotChart::boxCount() const {
  return static_cast<int>(findChildren<QCPStatisticalBox*>().size());
}

QString BoxPlotChart::boxLabel(int box) const {
  if (!data_ || box < 0 || static_cast<std::size_t>(box) >= data_->boxes.size()) return {};
  return labelOf(*data_, static_cast<std::size_t>(box));
}

QString BoxPlotChart::toolTipAt(const QPointF& pos) const {
  return data_ ? boxToolTip(this, *data_, pos) : QString();
}

void BoxPlotChart::redraw() {
  clearPlottables();
  clearItems();
  setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
  if (!data_) return showEmptyState(tr("Choose a numeric column to see its spread."));
  if (drawBoxes(this, *data_) == 0) return showEmptyState(tr("%1 has no values to plot.").arg(QString::fromStdString(data_->column)));
  replot(rpQueuedReplot);
}

int BoxPlotChart::drawBoxes(QCustomPlot* plot, const explore::BoxPlotData& data) {
  QCPAxis* keys = plot->xAxis;
  QCPAxis* values = plot->yAxis;
  auto ticker = QSharedPointer<QCPAxisTickerText>::create();
  const QColor text = plot->palette().color(QPalette::WindowText);
  const bool grouped = !data.groupColumn.empty();
  double low = std::numeric_limits<double>::infinity();
  double high = -low;
  int longest = 0;
  int drawn = 0;
  for (std::size_t i = 0; i < data.boxes.size(); ++i) {
    const explore::BoxStats& stats = data.boxes[i];
    const double key = static_cast<double>(i);
    const QString label = labelOf(data, i);
    longest = std::max(longest, static_cast<int>(label.size()));
    ticker->addTick(key, elided(label));
    if (!finiteBox(stats)) continue;  // labelled, so the positions still match the levels

    QVector<double> outliers;
    outliers.reserve(static_cast<int>(std::min(stats.outliers.size(), explore::BoxStats::kMaxOutliers)));
    for (double v : stats.outliers) {
      if (!std::isfinite(v)) continue;
      outliers.push_back(v);
      low = std::min(low, v);
      high = std::max(high, v);
    }
    low = std::min({low, stats.lowerWhisker, stats.q1});
    high = std::max({high, stats.upperWhisker, stats.q3});

    // Each class keeps its colour across charts; one box takes the chart colour.
    const QColor colour = grouped ? ChartStyle::seriesColor(static_cast<int>(i)) : ChartStyle::primary();
    QColor fill = colour;
    fill.setAlpha(80);
    auto* box = new QCPStatisticalBox(keys, values);
    box->setName(label);
    box->setWidth(kBoxWidth);
    box->setWhiskerWidth(kBoxWidth * 0.5);
    box->setPen(QPen(colour, 1.5));
    box->setBrush(fill);
    box->setMedianPen(QPen(colour.darker(140), 2.5));
    box->setWhiskerPen(QPen(text, 1, Qt::SolidLine));
    box->setWhiskerBarPen(QPen(text, 1));
    box->setOutlierStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, colour, 5));
    box->addData(key, stats.lowerWhisker, stats.q1, stats.median, stats.q3, stats.upperWhisker, outliers);
    ++drawn;
  }
  if (drawn == 0) return 0;

  keys->setVisible(true);
  values->setVisible(true);
  keys->grid()->setVisible(false);  // a line through every box only adds noise
  values->grid()->setVisible(true);
  keys->setTicker(ticker);
  keys->setSubTicks(false);
  keys->setTickLabelRotation(data.boxes.size() > 8 || longest > 10 ? 40 : 0);
  keys->setLabel(grouped ? QString::fromStdString(data.groupColumn) : QString());
  values->setLabel(QString::fromStdString(data.column));
  keys->setRange(-0.5, static_cast<double>(data.boxes.size()) - 0.5);
  const double pad = high > low ? (high - low) * 0.06 : std::max(1.0, std::abs(high) * 0.05);
  values->setRange(low - pad, high + pad);
  // Levels sit side by side; only the values are worth zooming into.
  plot->axisRect()->setRangeDrag(Qt::Vertical);
  plot->axisRect()->setRangeZoom(Qt::Vertical);
  return drawn;
}

QString BoxPlotChart::labelOf(const explore::BoxPlotData& data, std::size_t box) {
  if (box >= data.boxes.size()) return {};
  if (data.groupColumn.empty()) return QString::fromStdString(data.column);
  const std::string& group = data.boxes[box].group;
  return group.empty() ? tr("(empty)") : QString::fromStdString(group);
}

QString BoxPlotChart::boxToolTip(const QCustomPlot* plot, const explore::BoxPlotData& data, const QPointF& pos) {
  if (data.boxes.empty() || !plot->axisRect()->rect().contains(pos.toPoint())) return {};
  const double key = plot->xAxis->pixelToCoord(pos.x());
  const double nearest = std::round(key);
  if (!std::isfinite(nearest) || nearest < 0 || nearest >= static_cast<double>(data.boxes.size()) ||
      std::abs(key - nearest) > kBoxWidth / 2)
    return {};
  const std::size_t index = static_cast<std::size_t>(nearest);
  const explore::BoxStats& stats = data.boxes[index];
  if (!finiteBox(stats)) return {};

  QStringList lines;
  for (double v : stats.outliers) {
    if (std::isfinite(v) && std::abs(plot->yAxis->coordToPixel(v) - pos.y()) <= kOutlierHitPixels) {
      lines << tr("Outlier: %1").arg(numberText(v));
      break;
    }
  }
  lines << labelOf(data, index) << tr("n = %1").arg(countText(stats.count)) << tr("Median: %1").arg(numberText(stats.median))
        << tr("Quartiles: %1 to %2").arg(numberText(stats.q1), numberText(stats.q3))
        << tr("Whiskers: %1 to %2").arg(numberText(stats.lowerWhisker), numberText(stats.upperWhisker));
  if (std::isfinite(stats.min) && std::isfinite(stats.max))
    lines << tr("Range: %1 to %2").arg(numberText(stats.min), numberText(stats.max));
  if (stats.outlierCount > stats.outliers.size())
    lines << tr("Outliers: %1 (the %2 most extreme shown)").arg(countText(stats.outlierCount), countText(stats.outliers.size()));
  else if (stats.outlierCount > 0)
    lines << tr("Outliers: %1").arg(countText(stats.outlierCount));
  return lines.join(QLatin1Char('\n'));
}

}  // namespace lathe::widgets
