#include "widgets/charts/FeatureImportanceChart.h"

#include <QFontMetrics>
#include <QLocale>
#include <algorithm>
#include <cmath>
#include <limits>

#include "widgets/charts/ChartStyle.h"
#include "widgets/charts/ValueFormat.h"

namespace lathe::widgets {

namespace {
constexpr double kBarWidth = 0.7;
}  // namespace

FeatureImportanceChart::FeatureImportanceChart(QWidget* parent)
    : ChartView(QStringLiteral("featureImportanceChart"), parent) {
  setMinimumSize(200, 160);
  rebuild();
}

void FeatureImportanceChart::setImportances(std::vector<store::FeatureImportance> importances) {
  importances_ = std::move(importances);
  given_ = true;
  rebuild();
}

void FeatureImportanceChart::clear() {
  importances_.clear();
  given_ = false;
  rebuild();
}

void FeatureImportanceChart::setTopCount(int count) {
  count = std::max(1, count);
  if (count == topCount_) return;
  topCount_ = count;
  rebuild();
}

QString FeatureImportanceChart::barLabel(int index) const {
  if (index < 0 || index >= barCount()) return {};
  return QString::fromStdString(bars_[static_cast<std::size_t>(index)].feature);
}

double FeatureImportanceChart::barValue(int index) const {
  if (index < 0 || index >= barCount()) return std::numeric_limits<double>::quiet_NaN();
  return bars_[static_cast<std::size_t>(index)].importance;
}

QString FeatureImportanceChart::noteText() const {
  const auto* note = findChild<QCPItemText*>(QStringLiteral("chartNote"));
  return note ? note->text() : QString();
}

QString FeatureImportanceChart::toolTipAt(const QPointF& pos) const {
  if (bars_.empty() || !axisRect()->rect().contains(pos.toPoint())) return {};
  const double row = std::round(yAxis->pixelToCoord(pos.y()));
  if (!(row >= 0 && row < barCount())) return {};  // a feature's whole row answers
  const auto i = static_cast<std::size_t>(row);
  return ValueFormat::oneLine(QString::fromStdString(bars_[i].feature)) + QLatin1Char('\n') +
         tr("Importance: %1").arg(numberText(bars_[i].importance));
}

void FeatureImportanceChart::redraw() { rebuild(); }

void FeatureImportanceChart::rebuild() {
  clearPlottables();
  clearItems();  // the empty state and the note
  bars_.clear();
  for (const auto& importance : importances_)
    if (!std::isnan(importance.importance)) bars_.push_back(importance);
  // Largest first; ties keep the engine's order.
  std::stable_sort(bars_.begin(), bars_.end(),
                   [](const store::FeatureImportance& a, const store::FeatureImportance& b) { return a.importance > b.importance; });
  const std::size_t shown = std::min(bars_.size(), static_cast<std::size_t>(topCount_));
  const std::size_t hidden = bars_.size() - shown;
  bars_.resize(shown);
  if (locale() != QLocale()) setLocale(QLocale());  // tick labels in the user's number format

  if (!given_) showEmptyState(tr("Select a run to see which features its model relies on most."));
  else if (bars_.empty()) showEmptyState(tr("The run has no feature importances."));
  else {
    draw();
    if (hidden > 0) addNote(this, tr("Top %1 of %2 features").arg(shown).arg(shown + hidden));
    ChartStyle::apply(this);
  }
  replot();
}

void FeatureImportanceChart::draw() {
  const QFontMetrics metrics(yAxis->tickLabelFont());
  auto names = QSharedPointer<QCPAxisTickerText>::create();
  QVector<double> keys, values;
  double low = 0, high = 0;
  for (std::size_t i = 0; i < bars_.size(); ++i) {
    const QString name = ValueFormat::oneLine(QString::fromStdString(bars_[i].feature));
    names->addTick(static_cast<double>(i), metrics.elidedText(name, Qt::ElideRight, kLabelWidth));
    keys << static_cast<double>(i);
    values << bars_[i].importance;
    if (std::isfinite(bars_[i].importance)) {
      low = std::min(low, bars_[i].importance);
      high = std::max(high, bars_[i].importance);
    }
  }
  auto* bars = new QCPBars(yAxis, xAxis);  // keys down the left axis, so names read
  bars->setName(tr("Importance"));
  bars->setWidthType(QCPBars::wtPlotCoords);
  bars->setWidth(kBarWidth);
  bars->setData(keys, values, true);
  QColor fill = ChartStyle::primary();
  fill.setAlpha(210);
  bars->setBrush(fill);
  bars->setPen(Qt::NoPen);
  bars->setSelectable(QCP::stNone);

  for (QCPAxis* axis : {xAxis, yAxis}) {
    axis->setVisible(true);
    axis->setTicker(QSharedPointer<QCPAxisTicker>::create());
  }
  yAxis->setTicker(names);
  yAxis->setSubTicks(false);
  yAxis->setTickLength(0, 0);
  yAxis->grid()->setVisible(false);
  yAxis->setRangeReversed(true);  // the largest on top
  yAxis->setRange(-0.6, static_cast<double>(bars_.size()) - 0.4);
  yAxis->setLabel(QString());
  xAxis->grid()->setVisible(true);
  xAxis->setNumberFormat(QStringLiteral("gb"));
  xAxis->setNumberPrecision(4);
  xAxis->ticker()->setTickCount(4);
  xAxis->setLabel(tr("Importance"));
  // Permutation importances may be negative: the axis holds zero and every bar.
  const double span = high - low > 0 ? high - low : 1.0;
  xAxis->setRange(low < 0 ? low - span * 0.05 : 0.0, high > 0 ? high + span * 0.05 : (low < 0 ? span * 0.05 : 1.0));
}

}  // namespace lathe::widgets
