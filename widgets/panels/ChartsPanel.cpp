#include "widgets/panels/ChartsPanel.h"

#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QStackedWidget>
#include <QToolButton>
#include <QVBoxLayout>

#include "widgets/charts/BoxPlotChart.h"
#include "widgets/charts/ChartExport.h"
#include "widgets/charts/CorrelationHeatmap.h"
#include "widgets/charts/FeatureTargetChart.h"
#include "widgets/charts/HistogramChart.h"
#include "widgets/charts/ScatterChart.h"

namespace lathe::widgets {
namespace {

using explore::ChartKind;
using data::ColumnType;

bool isNumeric(ColumnType type) {
  return type == ColumnType::Float64 || type == ColumnType::Int64 || type == ColumnType::Bool ||
         type == ColumnType::Datetime;
}
bool isGroup(ColumnType type) { return type == ColumnType::Categorical || type == ColumnType::Bool; }
bool isChartable(ColumnType type) { return type != ColumnType::Text; }

// Which columns each picker offers, per chart; null: the picker is hidden.
using Accepts = bool (*)(ColumnType);
struct Pickers {
  Accepts first, second, group;
};

Pickers pickersFor(ChartKind kind) {
  switch (kind) {
    case ChartKind::Histogram: return {isChartable, nullptr, nullptr};
    case ChartKind::BoxPlot: return {isNumeric, nullptr, isGroup};
    case ChartKind::Scatter: return {isNumeric, isNumeric, isGroup};
    case ChartKind::Correlation: return {nullptr, nullptr, nullptr};
    case ChartKind::FeatureTarget: return {isChartable, isChartable, nullptr};
  }
  return {nullptr, nullptr, nullptr};
}

std::string chosen(const QComboBox* box) { return box->currentData().toString().toStdString(); }

}  // namespace

ChartsPanel::ChartsPanel(QWidget* parent)
    : QWidget(parent),
      kind_(new QComboBox(this)),
      firstLabel_(new QLabel(this)),
      first_(new QComboBox(this)),
      secondLabel_(new QLabel(this)),
      second_(new QComboBox(this)),
      groupLabel_(new QLabel(this)),
      group_(new QComboBox(this)),
      export_(new QToolButton(this)),
      pages_(new QStackedWidget(this)),
      message_(new QLabel(pages_)),
      histogram_(new HistogramChart(pages_)),
      boxPlot_(new BoxPlotChart(pages_)),
      scatter_(new ScatterChart(pages_)),
      correlation_(new CorrelationHeatmap(pages_)),
      featureTarget_(new FeatureTargetChart(pages_)) {
  kind_->setObjectName(QStringLiteral("chartKind"));
  first_->setObjectName(QStringLiteral("firstColumn"));
  second_->setObjectName(QStringLiteral("secondColumn"));
  group_->setObjectName(QStringLiteral("groupColumn"));
  export_->setObjectName(QStringLiteral("exportChartButton"));
  message_->setObjectName(QStringLiteral("chartMessage"));
  message_->setAlignment(Qt::AlignCenter);
  message_->setWordWrap(true);
  for (QComboBox* box : {first_, second_, group_}) {
    box->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    box->setMinimumContentsLength(8);
  }
  for (int kind = 0; kind <= static_cast<int>(ChartKind::FeatureTarget); ++kind) kind_->addItem(QString(), kind);

  auto* pickers = new QHBoxLayout;
  pickers->addWidget(kind_);
  for (auto [label, box] : {std::pair{firstLabel_, first_}, {secondLabel_, second_}, {groupLabel_, group_}}) {
    label->setBuddy(box);
    pickers->addWidget(label);
    pickers->addWidget(box, 1);
  }
  pickers->addStretch();
  pickers->addWidget(export_);
  for (QWidget* page : std::initializer_list<QWidget*>{message_, histogram_, boxPlot_, scatter_, correlation_,
                                                       featureTarget_})
    pages_->addWidget(page);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(4, 4, 4, 4);
  layout->addLayout(pickers);
  layout->addWidget(pages_, 1);

  connect(kind_, &QComboBox::currentIndexChanged, this, [this] {
    retranslate();  // the pickers' labels name their role in this chart
    refillPickers();
    pickersChanged();
  });
  for (QComboBox* box : {first_, second_, group_})
    connect(box, &QComboBox::currentIndexChanged, this, &ChartsPanel::pickersChanged);
  connect(export_, &QToolButton::clicked, this, &ChartsPanel::exportChart);
  retranslate();
  refillPickers();
  showPage(message_);
}

void ChartsPanel::setColumns(ColumnList columns) {
  const explore::ChartRequest before = request();
  columns_ = std::move(columns);
  setRequest(before);
  if (columns_.empty()) {
    message_->setText(tr("Import or open a dataset to chart its columns."));
    showPage(message_);
  }
}

explore::ChartRequest ChartsPanel::request() const {
  explore::ChartRequest request;
  request.kind = static_cast<ChartKind>(kind_->currentData().toInt());
  const Pickers pickers = pickersFor(request.kind);
  if (pickers.first) request.column = chosen(first_);
  if (pickers.second) request.secondColumn = chosen(second_);
  if (pickers.group) request.groupColumn = chosen(group_);
  return request;
}

void ChartsPanel::setRequest(const explore::ChartRequest& request) {
  updating_ = true;
  kind_->setCurrentIndex(kind_->findData(static_cast<int>(request.kind)));
  refillPickers();
  const auto select = [](QComboBox* box, const std::string& name) {
    const int index = box->findData(QString::fromStdString(name));
    if (index >= 0) box->setCurrentIndex(index);
  };
  select(first_, request.column);
  select(second_, request.secondColumn);
  select(group_, request.groupColumn);
  updating_ = false;
}

bool ChartsPanel::isComplete() const {
  const explore::ChartRequest r = request();
  const Pickers pickers = pickersFor(r.kind);
  if (columns_.empty()) return false;
  if (pickers.first && r.column.empty()) return false;
  if (pickers.second && r.secondColumn.empty()) return false;
  return !(r.kind == ChartKind::FeatureTarget && r.column == r.secondColumn);
}

void ChartsPanel::refillPickers() {
  const bool wasUpdating = updating_;
  updating_ = true;
  const Pickers pickers = pickersFor(static_cast<ChartKind>(kind_->currentData().toInt()));
  const auto refill = [this](QLabel* label, QComboBox* box, Accepts accepts, bool optional, int preferred) {
    label->setVisible(accepts != nullptr);
    box->setVisible(accepts != nullptr);
    const QString previous = box->currentData().toString();
    box->clear();
    if (!accepts) return;
    if (optional) box->addItem(tr("(none)"), QString());
    int candidates = 0;
    for (const auto& [name, type] : columns_) {
      if (!accepts(type)) continue;
      box->addItem(name, name);
      ++candidates;
    }
    const int kept = box->findData(previous);
    if (kept >= 0 && !previous.isEmpty())
      box->setCurrentIndex(kept);
    else if (!optional && candidates > 0)
      box->setCurrentIndex(std::min(preferred, candidates - 1));  // x and y start on different columns
  };
  refill(firstLabel_, first_, pickers.first, false, 0);
  refill(secondLabel_, second_, pickers.second, false, 1);
  refill(groupLabel_, group_, pickers.group, true, 0);
  updating_ = wasUpdating;
}

void ChartsPanel::pickersChanged() {
  if (updating_) return;
  if (!isComplete()) {
    if (!columns_.empty()) {
      message_->setText(tr("Pick the columns this chart needs."));
      showPage(message_);
    }
    return;
  }
  emit chartRequested(request());
}

void ChartsPanel::setBusy(bool busy) {
  if (!busy) return;
  message_->setText(tr("Drawing the chart…"));
  showPage(message_);
}

void ChartsPanel::showError(const QString& message) {
  message_->setText(message);
  showPage(message_);
}

void ChartsPanel::showHistogram(const data::ColumnProfile& profile) {
  histogram_->setProfile(profile);
  showPage(histogram_);
}

void ChartsPanel::showBoxPlot(const explore::BoxPlotData& data) {
  boxPlot_->setData(data);
  showPage(boxPlot_);
}

void ChartsPanel::showScatter(const explore::ScatterSample& sample) {
  scatter_->setData(sample);
  showPage(scatter_);
}

void ChartsPanel::showCorrelation(const explore::CorrelationMatrix& matrix) {
  correlation_->setData(matrix);
  showPage(correlation_);
}

void ChartsPanel::showFeatureTarget(const explore::FeatureTargetData& data) {
  featureTarget_->setData(data);
  showPage(featureTarget_);
}

QCustomPlot* ChartsPanel::currentChart() const { return qobject_cast<QCustomPlot*>(pages_->currentWidget()); }

void ChartsPanel::showPage(QWidget* page) {
  pages_->setCurrentWidget(page);
  export_->setEnabled(currentChart() != nullptr);
}

void ChartsPanel::exportChart() {
  if (QCustomPlot* chart = currentChart()) ChartExport::exportWithDialog(chart, this);
}

void ChartsPanel::changeEvent(QEvent* event) {
  if (event->type() == QEvent::LanguageChange) retranslate();
  QWidget::changeEvent(event);
}

void ChartsPanel::retranslate() {
  const QString kinds[] = {tr("Histogram"), tr("Box plot"), tr("Scatter plot"), tr("Correlation"),
                           tr("Feature vs target")};
  for (int i = 0; i < kind_->count(); ++i) kind_->setItemText(i, kinds[i]);
  const auto kind = static_cast<ChartKind>(kind_->currentData().toInt());
  firstLabel_->setText(kind == ChartKind::Scatter         ? tr("&X:")
                       : kind == ChartKind::FeatureTarget ? tr("&Feature:")
                                                          : tr("&Column:"));
  secondLabel_->setText(kind == ChartKind::Scatter ? tr("&Y:") : tr("&Target:"));
  groupLabel_->setText(kind == ChartKind::Scatter ? tr("C&olour by:") : tr("&Group by:"));
  if (group_->count() > 0) group_->setItemText(0, tr("(none)"));
  export_->setText(tr("Export…"));
  export_->setToolTip(tr("Save the chart as PNG, SVG or PDF"));
}

}  // namespace lathe::widgets
