#include "widgets/monitor/GroupRatesChart.h"

#include <QLocale>
#include <cmath>

#include "widgets/charts/ChartStyle.h"
#include "widgets/charts/ValueFormat.h"
#include "widgets/monitor/MonitorChartLayout.h"
#include "widgets/monitor/MonitorFormat.h"

namespace lathe::widgets {
namespace {
constexpr int kLabelCharacters = 14;
}

GroupRatesChart::GroupRatesChart(QWidget* parent)
    : ChartView(QStringLiteral("groupRatesChart"), parent), group_(new QCPBarsGroup(this)) {
  setMinimumSize(200, 140);
  heading_ = MonitorChartLayout::addHeading(this);
  group_->setSpacingType(QCPBarsGroup::stAbsolute);
  group_->setSpacing(1);
  redraw();
}

void GroupRatesChart::setReport(const monitor::BiasReport& report) {
  report_ = report;
  redraw();
}

void GroupRatesChart::clear() {
  report_.reset();
  redraw();
}

int GroupRatesChart::positiveRateBars() const { return positive_ ? positive_->data()->size() : 0; }
int GroupRatesChart::recallBars() const { return recall_ ? recall_->data()->size() : 0; }

void GroupRatesChart::redraw() {
  group_->clear();
  clearPlottables();
  positive_ = recall_ = nullptr;
  groups_.clear();
  hideEmptyState();
  MonitorChartLayout::resetAxes(this);
  xAxis->grid()->setVisible(false);
  heading_->setTextColor(palette().color(QPalette::WindowText));
  heading_->setText(report_ ? tr("Groups of %1").arg(QString::fromStdString(report_->attribute)) : QString());

  if (!report_) {
    showEmptyState(tr("No bias report for this run.\nEdit Schedule… sets a model and a sensitive attribute."));
  } else if (report_->groups.empty()) {
    showEmptyState(tr("No groups of %1 in this batch.").arg(QString::fromStdString(report_->attribute)));
  } else {
    QVector<double> keys, rates, recallKeys, recalls;
    auto ticker = QSharedPointer<QCPAxisTickerText>::create();
    for (std::size_t i = 0; i < report_->groups.size(); ++i) {
      const auto& g = report_->groups[i];
      QString name = g.group.empty() ? tr("(empty)") : ValueFormat::oneLine(QString::fromStdString(g.group));
      groups_ << name;
      if (name.size() > kLabelCharacters) name = name.left(kLabelCharacters - 1) + QStringLiteral("…");
      ticker->addTick(static_cast<double>(i), name);
      keys << static_cast<double>(i);
      rates << g.positiveRate * 100.0;
      if (g.recall) {
        recallKeys << static_cast<double>(i);
        recalls << *g.recall * 100.0;
      }
    }
    const auto bars = [&](const QVector<double>& k, const QVector<double>& v, const QColor& colour, const QString& name) {
      auto* b = new QCPBars(xAxis, yAxis);
      b->setWidthType(QCPBars::wtPlotCoords);
      b->setWidth(0.38);
      b->setData(k, v, true);
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
    positive_ = bars(keys, rates, ChartStyle::primary(), tr("Positive rate"));
    if (!recalls.isEmpty()) recall_ = bars(recallKeys, recalls, ChartStyle::seriesColor(2), tr("Recall"));
    xAxis->setTicker(ticker);
    xAxis->setTickLabelRotation(groups_.size() > 6 ? -35 : 0);
    xAxis->setRange(-0.6, static_cast<double>(groups_.size()) - 0.4);
    yAxis->setTicker(QSharedPointer<QCPAxisTicker>::create());
    yAxis->ticker()->setTickCount(4);
    yAxis->setRange(0, 105);
    yAxis->setLabel(tr("Percent"));
  }
  MonitorChartLayout::updateLegend(this);
  replot();
}

QString GroupRatesChart::toolTipAt(const QPointF& pos) const {
  if (!report_ || groups_.isEmpty() || !axisRect()->rect().contains(pos.toPoint())) return {};
  const int index = static_cast<int>(std::lround(xAxis->pixelToCoord(pos.x())));
  if (index < 0 || index >= groups_.size()) return {};
  const auto& g = report_->groups[static_cast<std::size_t>(index)];
  QString text = tr("%1: %2 rows").arg(groups_[index], MonitorFormat::count(g.rows)) + QLatin1Char('\n') +
                 tr("Positive rate %1").arg(MonitorFormat::percent(g.positiveRate));
  if (g.recall) text += QLatin1Char('\n') + tr("Recall %1").arg(MonitorFormat::percent(*g.recall));
  return text;
}

}  // namespace lathe::widgets
