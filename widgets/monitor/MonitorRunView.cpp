#include "widgets/monitor/MonitorRunView.h"

#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QSortFilterProxyModel>
#include <QScrollBar>
#include <QSplitter>
#include <QStyle>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>
#include <algorithm>

#include "widgets/monitor/BiasAttributionView.h"
#include "widgets/monitor/DistributionOverlayChart.h"
#include "widgets/monitor/FeatureDriftTableModel.h"
#include "widgets/monitor/MonitorAlertBanner.h"
#include "widgets/monitor/MonitorFormat.h"
#include "widgets/monitor/QualityTimelineChart.h"
#include "widgets/monitor/SparklineDelegate.h"
#include "widgets/monitor/ViolationTimelineChart.h"

namespace lathe::widgets {
namespace {
constexpr int kSparklineWidth = 120;  // the History column, when the table is given its room
// The least PSI a sparkline's height stands for: 0.25, past the usual 0.2 threshold of a large
// shift, so a feature that barely moves draws a flat line at the bottom.
constexpr double kPsiScale = 0.25;
}  // namespace

MonitorRunView::MonitorRunView(QWidget* parent)
    : QWidget(parent),
      banner_(new MonitorAlertBanner(this)),
      runLabel_(new QLabel(this)),
      runs_(new QComboBox(this)),
      summary_(new QLabel(this)),
      model_(new FeatureDriftTableModel(this)),
      proxy_(new QSortFilterProxyModel(this)),
      table_(new QTableView(this)),
      distribution_(new DistributionOverlayChart(this)),
      violations_(new ViolationTimelineChart(this)),
      quality_(new QualityTimelineChart(this)),
      bias_(new BiasAttributionView(this)),
      tabs_(new QTabWidget(this)),
      splitter_(new QSplitter(Qt::Horizontal, this)) {
  runs_->setObjectName(QStringLiteral("runSelector"));
  runs_->setMinimumContentsLength(26);
  runs_->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
  runLabel_->setBuddy(runs_);
  summary_->setObjectName(QStringLiteral("runSummary"));
  summary_->setTextInteractionFlags(Qt::TextSelectableByMouse);

  proxy_->setSourceModel(model_);
  proxy_->setSortRole(FeatureDriftTableModel::SortRole);
  table_->setObjectName(QStringLiteral("driftTable"));
  table_->setModel(proxy_);
  table_->setItemDelegateForColumn(FeatureDriftTableModel::HistoryColumn,
                                   new SparklineDelegate(FeatureDriftTableModel::PsiHistoryRole,
                                                         FeatureDriftTableModel::ThresholdRole,
                                                         FeatureDriftTableModel::ShownRunRole, kPsiScale, table_));
  table_->setSelectionBehavior(QAbstractItemView::SelectRows);
  table_->setSelectionMode(QAbstractItemView::SingleSelection);
  table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
  table_->setAlternatingRowColors(true);
  table_->setWordWrap(false);
  table_->verticalHeader()->hide();
  table_->verticalHeader()->setDefaultSectionSize(table_->fontMetrics().height() + 8);
  QHeaderView* header = table_->horizontalHeader();
  header->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
  header->setHighlightSections(false);
  header->setMinimumSectionSize(36);
  header->setStretchLastSection(true);  // the sparklines take what is left
  // The largest shift first: that is what the user came to see. A click on a header sorts by it.
  table_->setSortingEnabled(true);
  table_->sortByColumn(FeatureDriftTableModel::PsiColumn, Qt::DescendingOrder);

  tabs_->setObjectName(QStringLiteral("monitorTabs"));
  tabs_->setDocumentMode(true);
  tabs_->addTab(distribution_, QString());
  tabs_->addTab(violations_, QString());
  tabs_->addTab(quality_, QString());
  tabs_->addTab(bias_, QString());
  splitter_->setChildrenCollapsible(false);
  splitter_->addWidget(table_);
  splitter_->addWidget(tabs_);
  splitter_->setStretchFactor(0, 5);
  splitter_->setStretchFactor(1, 4);

  auto* runRow = new QHBoxLayout;
  runRow->addWidget(runLabel_);
  runRow->addWidget(runs_);
  runRow->addSpacing(8);
  runRow->addWidget(summary_, 1);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->setSpacing(6);
  layout->addWidget(banner_);
  layout->addLayout(runRow);
  layout->addWidget(splitter_, 1);

  connect(runs_, &QComboBox::currentIndexChanged, this, &MonitorRunView::onRunChosen);
  connect(table_->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
          [this](const QModelIndex& current) { showFeatureAt(current); });
  connect(splitter_, &QSplitter::splitterMoved, this, [this] { splitterMoved_ = true; });
  connect(banner_, &MonitorAlertBanner::retrainRequested, this, &MonitorRunView::retrainRequested);
  retranslate();
}

void MonitorRunView::setRuns(std::shared_ptr<const Runs> runs) {
  runList_ = runs ? std::move(runs) : std::make_shared<const Runs>();
  model_->setRuns(runList_, -1);
  violations_->setRuns(*runList_, -1);
  quality_->setRuns(*runList_, -1, kpiName_);
  shown_ = -1;
  fillRunSelector();
  runs_->setCurrentIndex(runList_->empty() ? -1 : 0);  // the newest
  onRunChosen();
  // Columns as wide as their figures; the feature names may be long, so theirs is capped.
  for (int column = 0; column < FeatureDriftTableModel::HistoryColumn; ++column) table_->resizeColumnToContents(column);
  const int widest = table_->fontMetrics().averageCharWidth() * 28;
  table_->setColumnWidth(0, std::min(table_->columnWidth(0), widest));
  fitSplitter();
}

void MonitorRunView::fitSplitter() {
  // The table as wide as its columns and a sparkline, within 40-60% of the view; once the user
  // drags the handle, their choice stays.
  if (splitterMoved_ || splitter_->width() <= 0) return;
  int needed = 2 * table_->frameWidth() + table_->verticalScrollBar()->sizeHint().width() + kSparklineWidth;
  for (int column = 0; column < FeatureDriftTableModel::HistoryColumn; ++column) needed += table_->columnWidth(column);
  const int total = splitter_->width() - splitter_->handleWidth();
  const int left = std::clamp(needed, total * 2 / 5, total * 3 / 5);
  splitter_->setSizes({left, total - left});
}

void MonitorRunView::resizeEvent(QResizeEvent* event) {
  QWidget::resizeEvent(event);
  fitSplitter();
}

void MonitorRunView::fillRunSelector() {
  const QSignalBlocker blocker(runs_);
  const int keep = runs_->currentData().isValid() ? runs_->currentData().toInt() : -1;
  runs_->clear();
  const QIcon warning = style()->standardIcon(QStyle::SP_MessageBoxWarning);
  // Newest first: the run users come for is on top.
  for (int i = static_cast<int>(runList_->size()) - 1; i >= 0; --i) {
    const auto& run = (*runList_)[static_cast<std::size_t>(i)];
    QString text = MonitorFormat::timeText(run.at);
    if (!run.source.empty()) text += QStringLiteral(" · ") + QString::fromStdString(run.source);
    if (run.alerts.empty()) runs_->addItem(text, i);
    else runs_->addItem(warning, text, i);
  }
  runs_->setCurrentIndex(runs_->findData(keep));
}

void MonitorRunView::setThresholds(QHash<QString, double> thresholds) { model_->setThresholds(std::move(thresholds)); }

void MonitorRunView::setKpiName(const QString& metric) {
  kpiName_ = metric;
  quality_->setRuns(*runList_, shown_, kpiName_);
}

void MonitorRunView::showRun(int index) {
  const int item = runs_->findData(index);
  if (item >= 0) runs_->setCurrentIndex(item);
}

void MonitorRunView::onRunChosen() {
  shown_ = runs_->currentIndex() >= 0 ? runs_->currentData().toInt() : -1;
  if (shown_ >= static_cast<int>(runList_->size())) shown_ = -1;
  model_->setShownRun(shown_);
  violations_->setShownRun(shown_);
  quality_->setShownRun(shown_);
  if (shown_ >= 0) {
    const auto& run = (*runList_)[static_cast<std::size_t>(shown_)];
    banner_->setAlerts(run.alerts);
    bias_->setRun(run.bias, run.attribution);
  } else {
    banner_->setAlerts({});
    bias_->setRun(std::nullopt, std::nullopt);
  }
  selectFeatureRow();
  updateSummary();
}

void MonitorRunView::selectFeatureRow() {
  // The same feature in the new run when it has it, else the first that drifted, else the top row.
  int row = predictionShown_ ? model_->rowCount() - 1 : model_->rowOf(feature_);
  if (row < 0 || (predictionShown_ && !model_->isPredictionRow(row))) {
    row = -1;
    for (int r = 0; r < proxy_->rowCount() && row < 0; ++r) {
      const int source = proxy_->mapToSource(proxy_->index(r, 0)).row();
      if (model_->drift(source)->drift) row = source;
    }
    if (row < 0 && proxy_->rowCount() > 0) row = proxy_->mapToSource(proxy_->index(0, 0)).row();
  }
  const QModelIndex index = row >= 0 ? proxy_->mapFromSource(model_->index(row, 0)) : QModelIndex();
  if (index.isValid()) {
    table_->setCurrentIndex(index);
    table_->scrollTo(index);
  }
  showFeatureAt(index);
}

void MonitorRunView::showFeatureAt(const QModelIndex& proxyIndex) {
  const int row = proxyIndex.isValid() ? proxy_->mapToSource(proxyIndex).row() : -1;
  const monitor::FeatureDrift* drift = model_->drift(row);
  if (!drift) {
    distribution_->clear();
    return;
  }
  predictionShown_ = model_->isPredictionRow(row);
  feature_ = predictionShown_ ? QString() : QString::fromStdString(drift->name);
  const QString name = predictionShown_ ? tr("Prediction") : feature_;
  distribution_->setFeature(*drift, drift->psi ? tr("%1 · PSI %2").arg(name, MonitorFormat::number(drift->psi)) : name);
}

void MonitorRunView::updateSummary() {
  if (shown_ < 0) {
    summary_->clear();
    return;
  }
  const auto& run = (*runList_)[static_cast<std::size_t>(shown_)];
  const auto drifted = std::count_if(run.data.features.begin(), run.data.features.end(),
                                     [](const monitor::FeatureDrift& f) { return f.drift; });
  QString text = tr("%1 rows · drifted: %2 of %3 features · violations: %4")
                     .arg(MonitorFormat::count(run.data.rows), MonitorFormat::count(static_cast<std::uint64_t>(drifted)),
                          MonitorFormat::count(run.data.features.size()), MonitorFormat::count(run.data.violations.size()));
  if (!run.batchStart.empty() && !run.batchEnd.empty())
    text += QStringLiteral(" · ") +
            tr("batch %1 – %2").arg(MonitorFormat::timeText(run.batchStart), MonitorFormat::timeText(run.batchEnd));
  summary_->setText(text);
}

void MonitorRunView::changeEvent(QEvent* event) {
  if (event->type() == QEvent::LanguageChange) retranslate();
  QWidget::changeEvent(event);
}

void MonitorRunView::retranslate() {
  runLabel_->setText(tr("R&un:"));
  tabs_->setTabText(0, tr("Distribution"));
  tabs_->setTabText(1, tr("Violations"));
  tabs_->setTabText(2, tr("Model quality"));
  tabs_->setTabText(3, tr("Bias and attributions"));
  model_->retranslate();
  fillRunSelector();  // the times in the new locale
  updateSummary();
  selectFeatureRow();  // the chart's title
}

}  // namespace lathe::widgets
