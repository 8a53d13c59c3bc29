#include "widgets/monitor/DistributionOverlayChart.h"

#include <QLocale>
#include <algorithm>
#include <cmath>

#include "widgets/charts/ChartStyle.h"
#include "widgets/charts/ValueFormat.h"
#include "widgets/monitor/MonitorChartLayout.h"

namespace lathe::widgets {
namespace {

constexpr double kBarWidth = 0.4;     // two bars and a gap fill a bin's slot
constexpr int kLabelCharacters = 16;  // tick labels are cut here; the tooltip has the whole label
constexpr int kUprightLabels = 6;     // more bins than this and the labels lean to fit

QString shortLabel(QString label) {
  label = ValueFormat::oneLine(label);
  return label.size() > kLabelCharacters ? label.left(kLabelCharacters - 1) + QStringLiteral("…") : label;
}

QVector<double> percentages(const std::vector<double>& shares, std::size_t count) {
  QVector<double> out;
  for (std::size_t i = 0; i < count; ++i) out << (i < shares.size() ? shares[i] * 100.0 : 0.0);
  return out;
}

}  // namespace

DistributionOverlayChart::DistributionOverlayChart(QWidget* parent)
    : ChartView(QStringLiteral("distributionOverlayChart"), parent), group_(new QCPBarsGroup(this)) {
  setMinimumSize(200, 160);
  heading_ = MonitorChartLayout::addHeading(this);
  group_->setSpacingType(QCPBarsGroup::stAbsolute);
  group_->setSpacing(1);
  redraw();
}

void DistributionOverlayChart::setFeature(const monitor::FeatureDrift& drift, const QString& title) {
  drift_ = drift;
  title_ = title;
  redraw();
}

void DistributionOverlayChart::clear() {
  drift_.reset();
  title_.clear();
  redraw();
}

QString DistributionOverlayChart::binLabel(int bin) const {
  return bin >= 0 && bin < binCount() ? labels_[bin] : QString();
}

QVector<double> DistributionOverlayChart::baselineValues() const {
  QVector<double> out;
  if (baseline_)
    for (auto it = baseline_->data()->constBegin(); it != baseline_->data()->constEnd(); ++it) out << it->value;
  return out;
}

QVector<double> DistributionOverlayChart::currentValues() const {
  QVector<double> out;
  if (current_)
    for (auto it = current_->data()->constBegin(); it != current_->data()->constEnd(); ++it) out << it->value;
  return out;
}

QString DistributionOverlayChart::title() const { return heading_->text(); }

void DistributionOverlayChart::redraw() {
  group_->clear();
  clearPlottables();
  baseline_ = current_ = nullptr;
  labels_.clear();
  hideEmptyState();
  MonitorChartLayout::resetAxes(this);
  xAxis->grid()->setVisible(false);  // the bins are categories: no vertical grid between them
  heading_->setTextColor(palette().color(QPalette::WindowText));
  heading_->setText(title_);

  if (!drift_) {
    showEmptyState(tr("Select a feature in the table to compare its distribution with the baseline."));
  } else if (drift_->binLabels.empty()) {
    showEmptyState(drift_->note.empty() ? tr("No distribution to compare for this feature.")
                                        : tr("No distribution to compare: %1").arg(QString::fromStdString(drift_->note)));
  } else {
    const std::size_t n = drift_->binLabels.size();
    QVector<double> keys;
    auto ticker = QSharedPointer<QCPAxisTickerText>::create();
    for (std::size_t i = 0; i < n; ++i) {
      labels_ << QString::fromStdString(drift_->binLabels[i]);
      keys << static_cast<double>(i);
      ticker->addTick(static_cast<double>(i), shortLabel(labels_.back()));
    }
    const auto bars = [&](const std::vector<double>& shares, const QColor& colour, const QString& name) {
      auto* b = new QCPBars(xAxis, yAxis);
      b->setWidthType(QCPBars::wtPlotCoords);
      b->setWidth(kBarWidth);
      b->setData(keys, percentages(shares, n), true);
      QColor fill = colour;
      fill.setAlpha(215);
      b->setBrush(fill);
      b->setPen(Qt::NoPen);
      b->setName(name);
      b->setSelectable(QCP::stNone);
      b->setBarsGroup(group_);
      b->addToLegend();
      return b;
    };
    baseline_ = bars(drift_->baselineShares, ChartStyle::seriesColor(7), tr("Baseline"));
    current_ = bars(drift_->currentShares, ChartStyle::primary(), tr("This batch"));
    xAxis->setTicker(ticker);
    xAxis->setTickLabelRotation(static_cast<int>(n) > kUprightLabels ? -35 : 0);
    xAxis->setRange(-0.6, static_cast<double>(n) - 0.4);
    double top = 0;
    for (double v : baselineValues() + currentValues()) top = std::max(top, v);
    yAxis->setTicker(QSharedPointer<QCPAxisTicker>::create());
    yAxis->ticker()->setTickCount(4);
    yAxis->setRange(0, std::max(top * 1.1, 1.0));
    yAxis->setLabel(tr("Share of rows (%)"));
  }
  MonitorChartLayout::updateLegend(this);
  replot();
}

QString DistributionOverlayChart::toolTipAt(const QPointF& pos) const {
  if (labels_.isEmpty() || !axisRect()->rect().contains(pos.toPoint())) return {};
  const int bin = static_cast<int>(std::lround(xAxis->pixelToCoord(pos.x())));
  if (bin < 0 || bin >= binCount()) return {};
  const QLocale locale;
  const auto share = [&](const QVector<double>& values) {
    return bin < values.size() ? locale.toString(values[bin], 'f', 1) + locale.percent() : QStringLiteral("—");
  };
  return QStringLiteral("<p>%1</p>").arg(ValueFormat::oneLine(labels_[bin]).toHtmlEscaped()) +
         tr("Baseline %1 · this batch %2").arg(share(baselineValues()), share(currentValues()));
}

}  // namespace lathe::widgets
