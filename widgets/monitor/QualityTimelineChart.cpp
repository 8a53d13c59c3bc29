#include "widgets/monitor/QualityTimelineChart.h"

#include <algorithm>
#include <cmath>

#include "widgets/charts/ChartStyle.h"
#include "widgets/monitor/MonitorChartLayout.h"
#include "widgets/monitor/MonitorFormat.h"

namespace lathe::widgets {
namespace {
constexpr int kHoverPixels = 8;

std::optional<double> valueOf(const monitor::ModelQuality& quality, const std::string& metric) {
  if (quality.kpiMetric == metric && quality.kpiValue) return quality.kpiValue;
  const auto it = quality.metrics.find(metric);
  return it != quality.metrics.end() ? std::optional(it->second) : std::nullopt;
}
}  // namespace

QualityTimelineChart::QualityTimelineChart(QWidget* parent) : ChartView(QStringLiteral("qualityTimelineChart"), parent) {
  setMinimumSize(200, 160);
  heading_ = MonitorChartLayout::addHeading(this);
  redraw();
}

void QualityTimelineChart::setRuns(const std::vector<monitor::MonitorRunRecord>& runs, int shown, const QString& kpiName) {
  times_.clear();
  qualities_.clear();
  for (const auto& run : runs) {
    times_.push_back(run.at);
    qualities_.push_back(run.quality);
  }
  shown_ = shown;
  kpiName_ = kpiName;
  redraw();
}

void QualityTimelineChart::setShownRun(int shown) {
  shown_ = shown;
  const bool marked = !values_.empty() && shown >= 0 && shown < keys_.size();
  MonitorChartLayout::markRun(this, shownLine_, marked ? std::optional(keys_[shown]) : std::nullopt);
  replot();
}

int QualityTimelineChart::missCount() const {
  return static_cast<int>(std::count_if(values_.begin(), values_.end(), [](const Point& p) { return p.misses; }));
}

void QualityTimelineChart::chooseMetric() {
  // The newest run decides: the KPI it was judged on, else the project's KPI, else its first metric.
  metric_.clear();
  target_.reset();
  baseline_.reset();
  higherIsBetter_ = true;
  const monitor::ModelQuality* newest = nullptr;
  for (auto quality = qualities_.rbegin(); quality != qualities_.rend() && !newest; ++quality)
    if (*quality && !(*quality)->metrics.empty()) newest = &**quality;
  if (!newest) return;
  if (!newest->kpiMetric.empty()) metric_ = QString::fromStdString(newest->kpiMetric);
  else if (!kpiName_.isEmpty() && newest->metrics.count(kpiName_.toStdString())) metric_ = kpiName_;
  else metric_ = QString::fromStdString(newest->metrics.begin()->first);
  if (newest->kpiMetric == metric_.toStdString()) {
    target_ = newest->kpiTarget;
    baseline_ = newest->baselineKpi;
    higherIsBetter_ = newest->kpiHigherIsBetter;
  }
}

void QualityTimelineChart::redraw() {
  clearPlottables();
  for (QCPAbstractItem* item : levelItems_) removeItem(item);
  levelItems_.clear();
  values_.clear();
  hideEmptyState();
  MonitorChartLayout::resetAxes(this);
  heading_->setTextColor(palette().color(QPalette::WindowText));
  chooseMetric();
  heading_->setText(metric_.isEmpty() ? tr("Model quality by run") : tr("%1 by run").arg(metric_));

  bool onTime = false;
  keys_ = MonitorChartLayout::runKeys(times_, &onTime);
  const std::string metric = metric_.toStdString();
  for (std::size_t run = 0; run < qualities_.size() && !metric.empty(); ++run) {
    if (!qualities_[run]) continue;
    const auto value = valueOf(*qualities_[run], metric);
    if (!value || !std::isfinite(*value)) continue;
    const bool misses = target_ && (higherIsBetter_ ? *value < *target_ : *value > *target_);
    values_.push_back({keys_[static_cast<qsizetype>(run)], *value, static_cast<int>(run), misses});
  }

  if (times_.empty()) {
    showEmptyState(tr("No runs yet. Run Now compares the batch with the baseline."));
  } else if (values_.empty()) {
    showEmptyState(tr("No model quality yet: it needs the true labels.\nEdit Schedule… sets a model and a labels file."));
  } else {
    QVector<double> x, y, missX, missY;
    double low = values_.front().value, high = low;
    for (const Point& p : values_) {
      x << p.key;
      y << p.value;
      if (p.misses) {
        missX << p.key;
        missY << p.value;
      }
      low = std::min(low, p.value);
      high = std::max(high, p.value);
    }
    for (const auto& level : {target_, baseline_})
      if (level) {
        low = std::min(low, *level);
        high = std::max(high, *level);
      }
    auto* line = addGraph();
    line->setData(x, y, true);
    line->setPen(QPen(ChartStyle::primary(), 2));
    line->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, QPen(ChartStyle::primary(), 1.5),
                                          palette().color(QPalette::Base), 7));
    line->setName(metric_);
    line->setSelectable(QCP::stNone);
    line->addToLegend();
    if (!missX.isEmpty()) {
      auto* misses = addGraph();
      misses->setData(missX, missY, true);
      misses->setLineStyle(QCPGraph::lsNone);
      misses->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, ChartStyle::seriesColor(3), 9));
      misses->setName(tr("Misses the target"));
      misses->setSelectable(QCP::stNone);
      misses->addToLegend();
    }
    if (target_) addLevel(*target_, Qt::DashLine, tr("Target %1").arg(MonitorFormat::number(target_)));
    if (baseline_) addLevel(*baseline_, Qt::DotLine, tr("Baseline %1").arg(MonitorFormat::number(baseline_)));
    const double pad = high > low ? (high - low) * 0.15 : std::max(std::abs(high) * 0.05, 0.01);
    yAxis->setTicker(QSharedPointer<QCPAxisTicker>::create());
    yAxis->ticker()->setTickCount(4);
    yAxis->setRange(low - pad, high + pad);
    yAxis->setLabel(metric_);
    MonitorChartLayout::setRunAxis(xAxis, times_, keys_, onTime);
  }
  MonitorChartLayout::updateLegend(this);
  setShownRun(shown_);  // replots
}

void QualityTimelineChart::addLevel(double value, Qt::PenStyle style, const QString& label) {
  QColor colour = palette().color(QPalette::WindowText);
  colour.setAlphaF(0.7f);
  auto* line = new QCPItemStraightLine(this);
  line->point1->setCoords(0, value);
  line->point2->setCoords(1, value);
  line->setPen(QPen(colour, 1.2, style));
  line->setSelectable(false);
  auto* text = new QCPItemText(this);
  text->position->setTypeX(QCPItemPosition::ptAxisRectRatio);
  text->position->setTypeY(QCPItemPosition::ptPlotCoords);
  text->position->setCoords(1.0, value);
  text->setPositionAlignment(Qt::AlignRight | Qt::AlignBottom);
  text->setPadding(QMargins(4, 0, 4, 1));
  text->setText(label);
  text->setColor(palette().color(QPalette::WindowText));
  text->setFont(xAxis->tickLabelFont());
  text->setSelectable(false);
  levelItems_ << line << text;
}

QString QualityTimelineChart::toolTipAt(const QPointF& pos) const {
  for (const Point& p : values_) {
    if (std::hypot(xAxis->coordToPixel(p.key) - pos.x(), yAxis->coordToPixel(p.value) - pos.y()) > kHoverPixels) continue;
    const auto& quality = qualities_[static_cast<std::size_t>(p.run)];
    QString text = tr("%1 = %2").arg(metric_, MonitorFormat::number(p.value, 4)) + QLatin1Char('\n') +
                   MonitorFormat::timeText(times_[static_cast<std::size_t>(p.run)]);
    if (quality) text += QLatin1Char('\n') + tr("%1 labelled rows").arg(MonitorFormat::count(quality->labelledRows));
    if (p.misses) text += QLatin1Char('\n') + tr("Misses the target %1").arg(MonitorFormat::number(target_));
    return text;
  }
  return {};
}

}  // namespace lathe::widgets
