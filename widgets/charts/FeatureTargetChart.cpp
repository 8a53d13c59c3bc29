#include "widgets/charts/FeatureTargetChart.h"

#include <QLocale>
#include <algorithm>
#include <cmath>

#include "widgets/charts/BoxPlotChart.h"
#include "widgets/charts/ChartStyle.h"
#include "widgets/charts/ScatterChart.h"

namespace lathe::widgets {

namespace {

using Kind = explore::FeatureTargetData::Kind;

constexpr double kShareBarWidth = 0.7;

// classCounts[series][slot], 0 where a short row leaves it out.
std::uint64_t countAt(const explore::FeatureTargetData& data, std::size_t series, std::size_t slot) {
  if (series >= data.classCounts.size() || slot >= data.classCounts[series].size()) return 0;
  return data.classCounts[series][slot];
}

bool finiteBin(const std::vector<double>& edges, std::size_t bin) {
  return std::isfinite(edges[bin]) && std::isfinite(edges[bin + 1]) && edges[bin + 1] > edges[bin];
}

}  // namespace

FeatureTargetChart::FeatureTargetChart(QWidget* parent) : ChartView(QStringLiteral("featureTargetChart"), parent) {
  // The legend sits in a row above the plot (placeLegend): inside, it would hide the top of the
  // stacked shares.
  axisRect()->insetLayout()->take(legend);
  legend->setVisible(false);
  legend->setFillOrder(QCPLegend::foColumnsFirst);
  legend->setWrap(6);
  redraw();
}

void FeatureTargetChart::setData(const explore::FeatureTargetData& data) {
  data_ = data;
  redraw();
}

void FeatureTargetChart::clear() {
  data_.reset();
  redraw();
}

explore::FeatureTargetData::Kind FeatureTargetChart::kind() const { return data_ ? data_->kind : Kind::ClassHistograms; }

int FeatureTargetChart::seriesCount() const { return plottableCount(); }

QString FeatureTargetChart::toolTipAt(const QPointF& pos) const {
  if (!data_ || plottableCount() == 0 || !axisRect()->rect().contains(pos.toPoint())) return {};
  switch (data_->kind) {
    case Kind::ClassHistograms: return histogramToolTip(pos);
    case Kind::ClassShares: return sharesToolTip(pos);
    case Kind::Boxes: return BoxPlotChart::boxToolTip(this, data_->boxes, pos);
    case Kind::Scatter: return ScatterChart::pointToolTip(this, data_->scatter, pos);
  }
  return {};
}

void FeatureTargetChart::resetAxes() {
  for (QCPAxis* axis : {xAxis, yAxis}) {
    axis->setVisible(true);
    axis->grid()->setVisible(true);
    axis->setTicker(QSharedPointer<QCPAxisTicker>::create());
    axis->setSubTicks(true);
    axis->setTickLabelRotation(0);
    axis->setLabel({});
  }
  setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
  axisRect()->setRangeDrag(Qt::Horizontal | Qt::Vertical);
  axisRect()->setRangeZoom(Qt::Horizontal | Qt::Vertical);
  setNotAntialiasedElement(QCP::aeScatters, false);
}

void FeatureTargetChart::redraw() {
  clearPlottables();
  clearItems();
  legend->setVisible(false);
  resetAxes();
  if (!data_) return showNothing(tr("Choose a feature and a target to see how they relate."));
  bool drawn = false;
  switch (data_->kind) {
    case Kind::ClassHistograms: drawn = drawClassHistograms(); break;
    case Kind::ClassShares: drawn = drawClassShares(); break;
    case Kind::Boxes: drawn = BoxPlotChart::drawBoxes(this, data_->boxes) > 0; break;
    case Kind::Scatter: drawn = ScatterChart::drawPoints(this, data_->scatter) > 0; break;
  }
  const QString feature = QString::fromStdString(data_->feature);
  const QString target = QString::fromStdString(data_->target);
  if (!drawn) return showNothing(tr("No row has both %1 and %2 present.").arg(feature, target));
  // The shared drawings label their axes after their own columns; here they are the pair's.
  if (!feature.isEmpty()) xAxis->setLabel(feature);
  if (!target.isEmpty() && (data_->kind == Kind::Boxes || data_->kind == Kind::Scatter)) yAxis->setLabel(target);
  placeLegend(legend->visible() && legend->itemCount() > 0);
  replot(rpQueuedReplot);
}

void FeatureTargetChart::placeLegend(bool shown) {
  // An empty legend left in the layout would cap the plot's width at its own, so it leaves the
  // layout while there is nothing to list.
  const bool placed = legend->layout() == plotLayout();
  if (shown && !placed) {
    plotLayout()->insertRow(0);
    plotLayout()->addElement(0, 0, legend);
    plotLayout()->setRowStretchFactor(0, 0.001);
  } else if (!shown && placed) {
    plotLayout()->take(legend);
    plotLayout()->simplify();
  }
  legend->setVisible(shown);
}

QString FeatureTargetChart::className(std::size_t index) const {
  if (index < data_->classes.size()) return QString::fromStdString(data_->classes[index]);
  return tr("Class %1").arg(index + 1);
}

bool FeatureTargetChart::drawClassHistograms() {
  const explore::FeatureTargetData& data = *data_;
  const std::vector<double>& edges = data.binEdges;
  if (edges.size() < 2 || data.classCounts.empty()) return false;
  const std::size_t bins = edges.size() - 1;
  double low = edges.front(), high = edges.back();
  double width = 0.0;  // the bins share one width; take the narrowest, so bars never overlap
  bool anyBin = false;
  for (std::size_t b = 0; b < bins; ++b) {
    if (!finiteBin(edges, b)) continue;
    const double w = edges[b + 1] - edges[b];
    width = anyBin ? std::min(width, w) : w;
    low = anyBin ? std::min(low, edges[b]) : edges[b];
    high = anyBin ? std::max(high, edges[b + 1]) : edges[b + 1];
    anyBin = true;
  }
  if (!anyBin) return false;

  std::uint64_t largest = 0;
  for (std::size_t c = 0; c < data.classCounts.size(); ++c) {
    QVector<double> keys, values;
    for (std::size_t b = 0; b < bins; ++b) {
      if (!finiteBin(edges, b)) continue;
      keys << (edges[b] + edges[b + 1]) / 2;
      values << static_cast<double>(countAt(data, c, b));
      largest = std::max(largest, countAt(data, c, b));
    }
    // Translucent, not stacked: where the classes overlap shows through.
    const QColor colour = ChartStyle::seriesColor(static_cast<int>(c));
    QColor fill = colour;
    fill.setAlpha(90);
    QColor edge = colour;
    edge.setAlpha(220);
    auto* bars = new QCPBars(xAxis, yAxis);
    bars->setName(className(c));
    bars->setWidthType(QCPBars::wtPlotCoords);
    bars->setWidth(width);
    bars->setPen(QPen(edge, 1));
    bars->setBrush(fill);
    bars->setData(keys, values);  // sorts: edges from a bad struct need not ascend
    bars->addToLegend();
  }
  legend->setVisible(true);
  yAxis->setLabel(tr("Rows"));
  const double pad = (high - low) * 0.02;
  xAxis->setRange(low - pad, high + pad);
  yAxis->setRange(0, std::max(1.0, static_cast<double>(largest) * 1.08));
  return true;
}

bool FeatureTargetChart::drawClassShares() {
  const explore::FeatureTargetData& data = *data_;
  const std::size_t levels = data.levels.size();
  if (levels == 0 || data.classCounts.empty()) return false;
  std::vector<std::uint64_t> totals(levels, 0);
  for (std::size_t c = 0; c < data.classCounts.size(); ++c)
    for (std::size_t l = 0; l < levels; ++l) totals[l] += countAt(data, c, l);

  auto ticker = QSharedPointer<QCPAxisTickerText>::create();
  int longest = 0;
  for (std::size_t l = 0; l < levels; ++l) {
    const QString level = data.levels[l].empty() ? tr("(empty)") : QString::fromStdString(data.levels[l]);
    longest = std::max(longest, static_cast<int>(level.size()));
    ticker->addTick(static_cast<double>(l), level);
  }
  QCPBars* below = nullptr;
  for (std::size_t c = 0; c < data.classCounts.size(); ++c) {
    QVector<double> keys, shares;
    for (std::size_t l = 0; l < levels; ++l) {
      keys << static_cast<double>(l);
      shares << (totals[l] == 0 ? 0.0
                                : 100.0 * static_cast<double>(countAt(data, c, l)) / static_cast<double>(totals[l]));
    }
    auto* bars = new QCPBars(xAxis, yAxis);
    bars->setName(className(c));
    bars->setWidth(kShareBarWidth);
    bars->setStackingGap(0);
    bars->setPen(QPen(palette().color(QPalette::Base), 1));
    bars->setBrush(ChartStyle::seriesColor(static_cast<int>(c)));
    bars->setData(keys, shares, true);
    if (below) bars->moveAbove(below);
    bars->addToLegend();
    below = bars;
  }
  legend->setVisible(true);
  xAxis->setTicker(ticker);
  xAxis->setSubTicks(false);
  xAxis->grid()->setVisible(false);
  xAxis->setTickLabelRotation(levels > 8 || longest > 10 ? 40 : 0);
  xAxis->setRange(-0.5, static_cast<double>(levels) - 0.5);
  yAxis->setRange(0, 100);
  yAxis->setLabel(tr("Share of rows (%)"));
  // Shares always fill 0–100 %: only the levels are worth panning through.
  axisRect()->setRangeDrag(Qt::Horizontal);
  axisRect()->setRangeZoom(Qt::Horizontal);
  return true;
}

QString FeatureTargetChart::histogramToolTip(const QPointF& pos) const {
  const explore::FeatureTargetData& data = *data_;
  const std::vector<double>& edges = data.binEdges;
  const double x = xAxis->pixelToCoord(pos.x());
  std::size_t bin = edges.size();
  for (std::size_t b = 0; b + 1 < edges.size(); ++b) {
    if (finiteBin(edges, b) && x >= edges[b] && x < edges[b + 1]) {
      bin = b;
      break;
    }
  }
  if (bin == edges.size()) return {};
  QStringList lines;
  lines << tr("%1: %2 to %3").arg(QString::fromStdString(data.feature), numberText(edges[bin]), numberText(edges[bin + 1]));
  for (std::size_t c = 0; c < data.classCounts.size(); ++c)
    lines << tr("%1: %2").arg(className(c), countText(countAt(data, c, bin)));
  return lines.join(QLatin1Char('\n'));
}

QString FeatureTargetChart::sharesToolTip(const QPointF& pos) const {
  const explore::FeatureTargetData& data = *data_;
  const double key = xAxis->pixelToCoord(pos.x());
  const double nearest = std::round(key);
  if (!(nearest >= 0 && nearest < static_cast<double>(data.levels.size())) ||
      std::abs(key - nearest) > kShareBarWidth / 2)
    return {};
  const auto level = static_cast<std::size_t>(nearest);
  std::uint64_t total = 0;
  for (std::size_t c = 0; c < data.classCounts.size(); ++c) total += countAt(data, c, level);
  QStringList lines;
  lines << tr("%1 = %2").arg(QString::fromStdString(data.feature), QString::fromStdString(data.levels[level]));
  for (std::size_t c = 0; c < data.classCounts.size(); ++c) {
    const std::uint64_t rows = countAt(data, c, level);
    const double share = total == 0 ? 0.0 : 100.0 * static_cast<double>(rows) / static_cast<double>(total);
    lines << tr("%1: %2 of %3 (%4%)").arg(className(c), countText(rows), countText(total), QLocale().toString(share, 'f', 1));
  }
  return lines.join(QLatin1Char('\n'));
}

void FeatureTargetChart::showNothing(const QString& text) {
  placeLegend(false);
  showEmptyState(text);
}

}  // namespace lathe::widgets
