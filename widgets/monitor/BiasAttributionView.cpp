#include "widgets/monitor/BiasAttributionView.h"

#include <QEvent>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>
#include <algorithm>
#include <numeric>

#include "widgets/charts/ChartStyle.h"
#include "widgets/monitor/GroupRatesChart.h"
#include "widgets/monitor/MonitorFormat.h"

namespace lathe::widgets {
namespace {

QString alertSpan(const QString& text) {
  return QStringLiteral("<span style=\"color:%1; font-weight:600\">%2</span>")
      .arg(ChartStyle::seriesColor(3).name(), text.toHtmlEscaped());
}

// Each feature's place (1 = most important) when ordered by `value`, ties in the given order.
std::vector<int> ranks(const std::vector<monitor::FeatureImportanceRank>& features,
                       double monitor::FeatureImportanceRank::*value) {
  std::vector<std::size_t> order(features.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return features[a].*value > features[b].*value; });
  std::vector<int> place(features.size());
  for (std::size_t i = 0; i < order.size(); ++i) place[order[i]] = static_cast<int>(i) + 1;
  return place;
}

}  // namespace

BiasAttributionView::BiasAttributionView(QWidget* parent)
    : QWidget(parent),
      chart_(new GroupRatesChart(this)),
      gaps_(new QLabel(this)),
      attributionTitle_(new QLabel(this)),
      table_(new QTableWidget(0, 4, this)) {
  gaps_->setObjectName(QStringLiteral("biasGaps"));
  attributionTitle_->setObjectName(QStringLiteral("attributionSummary"));
  for (QLabel* label : {gaps_, attributionTitle_}) {
    label->setWordWrap(true);
    label->setTextFormat(Qt::RichText);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
  }
  table_->setObjectName(QStringLiteral("importanceTable"));
  table_->verticalHeader()->hide();
  table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
  table_->setSelectionBehavior(QAbstractItemView::SelectRows);
  table_->setAlternatingRowColors(true);
  table_->verticalHeader()->setDefaultSectionSize(table_->fontMetrics().height() + 6);
  table_->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
  // The names take the room; the figures sit next to them instead of across the tab.
  table_->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
  table_->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);

  auto* top = new QWidget(this);
  auto* topLayout = new QVBoxLayout(top);
  topLayout->setContentsMargins(0, 0, 0, 0);
  topLayout->addWidget(chart_, 1);
  topLayout->addWidget(gaps_);
  auto* bottom = new QWidget(this);
  auto* bottomLayout = new QVBoxLayout(bottom);
  bottomLayout->setContentsMargins(0, 4, 0, 0);
  bottomLayout->addWidget(attributionTitle_);
  bottomLayout->addWidget(table_, 1);
  auto* splitter = new QSplitter(Qt::Vertical, this);
  splitter->setChildrenCollapsible(false);
  splitter->addWidget(top);
  splitter->addWidget(bottom);
  splitter->setStretchFactor(0, 3);
  splitter->setStretchFactor(1, 2);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(4, 4, 4, 4);
  layout->addWidget(splitter);
  refill();
}

void BiasAttributionView::setRun(const std::optional<monitor::BiasReport>& bias,
                                 const std::optional<monitor::AttributionDrift>& attribution) {
  bias_ = bias;
  attribution_ = attribution;
  refill();
}

QString BiasAttributionView::gapText() const { return gaps_->text(); }
QString BiasAttributionView::attributionText() const { return attributionTitle_->text(); }

void BiasAttributionView::refill() {
  if (bias_) chart_->setReport(*bias_);
  else chart_->clear();
  gaps_->setVisible(bias_.has_value());
  if (bias_) {
    const auto& b = *bias_;
    const auto withBaseline = [](const QString& figure, const std::optional<double>& baseline) {
      return baseline ? tr("%1 (baseline %2)").arg(figure, MonitorFormat::number(baseline)) : figure;
    };
    QStringList lines;
    lines << tr("Parity gap, the largest difference in positive rate between groups: %1")
                 .arg(withBaseline(MonitorFormat::number(b.parityGap), b.baselineParityGap))
                 .toHtmlEscaped();
    lines << (b.opportunityGap
                  ? tr("Opportunity gap, the largest difference in recall: %1")
                        .arg(withBaseline(MonitorFormat::number(b.opportunityGap), b.baselineOpportunityGap))
                        .toHtmlEscaped()
                  : tr("Opportunity gap: needs labels").toHtmlEscaped());
    const QString rule = tr("A gap above %1, or one grown by more than %1 since the baseline, alerts.")
                             .arg(MonitorFormat::number(b.threshold));
    lines << (b.alert ? alertSpan(tr("Alert:") + QLatin1Char(' ') + rule) : rule.toHtmlEscaped());
    gaps_->setText(lines.join(QStringLiteral("<br>")));
  }
  fillImportances();
}

void BiasAttributionView::fillImportances() {
  table_->setHorizontalHeaderLabels({tr("Feature"), tr("Baseline importance"), tr("This batch"), tr("Rank")});
  table_->setRowCount(0);
  table_->setVisible(attribution_ && !attribution_->features.empty());
  if (!attribution_) {
    attributionTitle_->setText(
        tr("No feature importances for this run. Edit Schedule… sets the model they are measured on.").toHtmlEscaped());
    return;
  }
  const auto& a = *attribution_;
  const QString summary = tr("Importance ranking, baseline against this batch: NDCG %1 (alert below %2)")
                              .arg(MonitorFormat::number(a.ndcg), MonitorFormat::number(a.threshold));
  attributionTitle_->setText(a.drift ? alertSpan(summary) : summary.toHtmlEscaped());
  const std::vector<int> before = ranks(a.features, &monitor::FeatureImportanceRank::baseline);
  const std::vector<int> now = ranks(a.features, &monitor::FeatureImportanceRank::current);
  table_->setRowCount(static_cast<int>(a.features.size()));
  const QLocale locale;
  for (int row = 0; row < table_->rowCount(); ++row) {
    const auto i = static_cast<std::size_t>(row);
    const auto& f = a.features[i];
    const QStringList cells = {QString::fromStdString(f.feature), MonitorFormat::number(f.baseline, 3),
                               MonitorFormat::number(f.current, 3),
                               before[i] == now[i] ? locale.toString(now[i])
                                                   : tr("%1 → %2").arg(locale.toString(before[i]), locale.toString(now[i]))};
    for (int column = 0; column < cells.size(); ++column) {
      auto* item = new QTableWidgetItem(cells[column]);
      if (column > 0) item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
      if (column == 3 && before[i] != now[i]) item->setForeground(ChartStyle::seriesColor(3));
      table_->setItem(row, column, item);
    }
  }
}

void BiasAttributionView::changeEvent(QEvent* event) {
  if (event->type() == QEvent::LanguageChange) refill();
  QWidget::changeEvent(event);
}

}  // namespace lathe::widgets
