#include "widgets/panels/RunComparisonPanel.h"

#include <QEvent>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QTableWidget>
#include <QVBoxLayout>
#include <cmath>

#include <nlohmann/json.hpp>

#include "widgets/charts/BusinessValueChart.h"
#include "widgets/charts/ConfusionMatrixChart.h"
#include "widgets/charts/ParallelCoordinatesChart.h"
#include "widgets/charts/FeatureImportanceChart.h"
#include "widgets/charts/PredictionScatterChart.h"
#include "widgets/charts/LearningCurveChart.h"
#include "widgets/charts/PrCurveChart.h"
#include "widgets/charts/RocCurveChart.h"

namespace lathe::widgets {

namespace {

QString text(const std::string& s) { return QString::fromStdString(s); }

QString metricText(double value) { return std::isnan(value) ? QStringLiteral("—") : QString::number(value, 'f', 4); }

QTableWidget* makeTable(const QString& name, QWidget* parent) {
  auto* table = new QTableWidget(parent);
  table->setObjectName(name);
  table->setEditTriggers(QAbstractItemView::NoEditTriggers);
  table->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
  table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
  table->setMinimumHeight(160);
  return table;
}

}  // namespace

RunComparisonPanel::RunComparisonPanel(QWidget* parent)
    : QWidget(parent),
      title_(new QLabel(this)),
      report_(new QPushButton(this)),
      metrics_(makeTable(QStringLiteral("comparisonMetrics"), this)),
      parameters_(makeTable(QStringLiteral("comparisonParameters"), this)),
      roc_(new RocCurveChart(this)),
      pr_(new PrCurveChart(this)),
      learning_(new LearningCurveChart(this)),
      confusionBox_(new QWidget(this)),
      confusions_(new QHBoxLayout(confusionBox_)),
      predicted_(new PredictionScatterChart(PredictionScatterChart::Mode::PredictedAgainstActual, this)),
      residuals_(new PredictionScatterChart(PredictionScatterChart::Mode::Residuals, this)),
      importanceBox_(new QWidget(this)),
      importances_(new QHBoxLayout(importanceBox_)),
      value_(new BusinessValueChart(this)),
      parallel_(new ParallelCoordinatesChart(this)) {
  setObjectName(QStringLiteral("runComparisonPanel"));
  report_->setObjectName(QStringLiteral("exportReportButton"));
  confusionBox_->setObjectName(QStringLiteral("comparisonConfusions"));
  title_->setWordWrap(true);
  for (QWidget* chart : {static_cast<QWidget*>(roc_), static_cast<QWidget*>(pr_), static_cast<QWidget*>(learning_)})
    chart->setMinimumSize(320, 260);
  confusions_->setContentsMargins(0, 0, 0, 0);
  importances_->setContentsMargins(0, 0, 0, 0);
  importanceBox_->setObjectName(QStringLiteral("comparisonImportances"));
  for (QWidget* chart : {static_cast<QWidget*>(predicted_), static_cast<QWidget*>(residuals_),
                         static_cast<QWidget*>(value_), static_cast<QWidget*>(parallel_)})
    chart->setMinimumSize(320, 260);

  auto* content = new QWidget(this);
  auto* grid = new QGridLayout(content);
  // The per-run charts scroll sideways in their own strip: side by side in the grid, a hundred
  // runs' confusion matrices made the column (and the ROC, PR and value charts in it) 20,000
  // pixels wide, and each replot at that width took seconds.
  const auto strip = [content](QWidget* box) {
    auto* scroll = new QScrollArea(content);
    scroll->setWidget(box);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    scroll->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    return scroll;
  };
  confusionStrip_ = strip(confusionBox_);
  importanceStrip_ = strip(importanceBox_);
  // Headings in the order retranslate() names them; a heading in a group hides with its row.
  const auto heading = [&](int row, int column, QList<QWidget*>* group) {
    auto* label = new QLabel(content);
    QFont font = label->font();
    font.setBold(true);
    label->setFont(font);
    headings_.push_back(label);
    if (group) group->push_back(label);
    grid->addWidget(label, row, column);
  };
  heading(0, 0, nullptr);
  heading(0, 1, nullptr);
  grid->addWidget(metrics_, 1, 0);
  grid->addWidget(parameters_, 1, 1);
  heading(2, 0, &classificationRow_);
  heading(2, 1, &classificationRow_);
  grid->addWidget(roc_, 3, 0);
  grid->addWidget(pr_, 3, 1);
  heading(4, 0, &classificationRow_);
  heading(4, 1, nullptr);
  grid->addWidget(confusionStrip_, 5, 0);
  grid->addWidget(learning_, 5, 1);
  heading(6, 0, &regressionRow_);
  heading(6, 1, &regressionRow_);
  grid->addWidget(predicted_, 7, 0);
  grid->addWidget(residuals_, 7, 1);
  heading(8, 0, nullptr);
  grid->addWidget(importanceStrip_, 9, 0, 1, 2);
  heading(10, 0, &classificationRow_);
  heading(10, 1, nullptr);
  grid->addWidget(value_, 11, 0);
  grid->addWidget(parallel_, 11, 1);
  classificationRow_ << roc_ << pr_ << confusionStrip_ << value_;
  regressionRow_ << predicted_ << residuals_;
  grid->setColumnStretch(0, 1);
  grid->setColumnStretch(1, 1);
  auto* scroll = new QScrollArea(this);
  scroll->setWidget(content);
  scroll->setWidgetResizable(true);
  scroll->setFrameShape(QFrame::NoFrame);

  auto* top = new QHBoxLayout;
  top->addWidget(title_, 1);
  top->addWidget(report_);
  auto* layout = new QVBoxLayout(this);
  layout->addLayout(top);
  layout->addWidget(scroll, 1);
  connect(report_, &QPushButton::clicked, this, &RunComparisonPanel::reportRequested);
  retranslate();
}

void RunComparisonPanel::retranslate() {
  const QStringList texts = {tr("Metrics"),           tr("Parameters"),        tr("ROC curves"),
                             tr("Precision–recall"), tr("Confusion matrices"), tr("Learning curves"),
                             tr("Predicted against actual"), tr("Residuals"), tr("Feature importance"),
                             tr("Business value"), tr("Hyperparameters against the metric")};
  for (int i = 0; i < headings_.size(); ++i) headings_[i]->setText(texts.value(i));
  report_->setText(tr("Export Report…"));
  title_->setText(runNames_.isEmpty() ? tr("Select two or more runs in Experiments and click Compare.")
                                      : tr("Comparing %n run(s): %1", nullptr, int(runNames_.size()))
                                            .arg(runNames_.join(QStringLiteral(", "))));
  report_->setEnabled(!runNames_.isEmpty());
  fillTables();
}

void RunComparisonPanel::changeEvent(QEvent* event) {
  if (event->type() == QEvent::LanguageChange) retranslate();
  QWidget::changeEvent(event);
}

QList<FeatureImportanceChart*> RunComparisonPanel::importanceCharts() const {
  return importanceBox_->findChildren<FeatureImportanceChart*>(QString(), Qt::FindDirectChildrenOnly);
}

QList<ConfusionMatrixChart*> RunComparisonPanel::confusionCharts() const {
  return confusionBox_->findChildren<ConfusionMatrixChart*>(QString(), Qt::FindDirectChildrenOnly);
}

void RunComparisonPanel::clear() {
  setComparison({}, {});
  value_->clear();
  parallel_->clear();
}

void RunComparisonPanel::setBusinessValue(std::vector<BusinessValueSeries> series, const store::Kpi& kpi,
                                          const store::CostMatrix& costs) {
  value_->setKpi(kpi);
  value_->setCostMatrix(costs);
  if (!costs.isSet()) series.clear();  // the chart says to set the matrix
  value_->setCurves(std::move(series));
}

void RunComparisonPanel::setHyperparameters(const experiments::ParallelCoordinates& coordinates) {
  parallel_->setCoordinates(coordinates);
}

void RunComparisonPanel::setComparison(const experiments::RunComparison& comparison,
                                       const std::vector<store::ExperimentRun>& runs) {
  comparison_ = comparison;
  runs_ = runs;
  runNames_.clear();
  for (const auto& name : comparison.runNames) runNames_ << text(name);

  std::vector<RunCurveSeries> roc, pr;
  std::vector<RunLearningCurve> learning;
  QString learningMetric;
  for (ConfusionMatrixChart* old : confusionCharts()) delete old;
  for (FeatureImportanceChart* old : importanceCharts()) delete old;
  // Hidden while they fill: each chart shown into a visible strip would lay it out again.
  confusionBox_->hide();
  importanceBox_->hide();
  std::vector<PredictionScatterChart::Series> predictions;
  bool classifier = false, regressor = false;
  for (std::size_t i = 0; i < runs.size(); ++i) {
    const auto& run = runs[i];
    const QString name = text(run.name);
    if (const auto* curve = experiments::RunComparison::curveOf(run, "roc"))
      roc.push_back({name, *curve, comparison.rocAreas.at(i)});
    if (const auto* curve = experiments::RunComparison::curveOf(run, "pr"))
      pr.push_back({name, *curve, comparison.prAreas.at(i)});
    RunLearningCurve lc{name, {}, {}, {}};
    for (const auto& c : run.curves) {
      if (c.kind != "learning") continue;
      (c.split == "train" ? lc.train : lc.validation) = c;
      learningMetric = text(c.label);
    }
    const auto validation = nlohmann::json::parse(run.validationJson, nullptr, false);
    if (validation.is_object() && validation.contains("learning_curve")) {
      const std::string verdict = validation["learning_curve"].value("verdict", "");
      lc.verdict = verdict == "overfit"    ? tr("Overfit: it scores much better on the rows it learned from; "
                                                 "more data or a simpler model should help.")
                   : verdict == "underfit" ? tr("Underfit: it cannot even fit the rows it learned from; try a more "
                                                 "flexible model or better features.")
                                           : tr("Balanced: training and validation scores are close.");
    }
    learning.push_back(std::move(lc));
    classifier |= run.task == "binary" || run.task == "multiclass";
    regressor |= run.task == "regression";
    if (const auto* points = experiments::RunComparison::curveOf(run, "predicted")) predictions.push_back({name, *points});
    if (!run.featureImportances.empty()) {
      auto* chart = new FeatureImportanceChart(importanceBox_);
      chart->setObjectName(QStringLiteral("importance_%1").arg(i));
      chart->setAccessibleName(name);
      chart->setMinimumSize(300, 320);
      chart->setTopCount(12);
      chart->setImportances(run.featureImportances);
      importances_->addWidget(chart);
      chart->show();  // now, while the strip is hidden, rather than one queued show per chart
    }
    if (!run.confusions.empty()) {
      auto* chart = new ConfusionMatrixChart(confusionBox_);
      chart->setObjectName(QStringLiteral("confusion_%1").arg(i));
      chart->setMinimumSize(260, 240);
      chart->setAccessibleName(name);
      chart->setConfusion(run.confusions.front(), name);
      confusions_->addWidget(chart);
      chart->show();
    }
  }
  confusionBox_->show();
  importanceBox_->show();
  // A strip as tall as its tallest chart, plus the scroll bar when there is one.
  for (QScrollArea* strip : {confusionStrip_, importanceStrip_})
    strip->setFixedHeight(strip->widget()->sizeHint().height() + strip->horizontalScrollBar()->sizeHint().height());
  if (roc.empty()) roc_->clear(); else roc_->setCurves(std::move(roc));
  if (pr.empty()) pr_->clear(); else pr_->setCurves(std::move(pr));
  learning_->setCurves(std::move(learning), learningMetric);
  predicted_->setSeries(predictions);
  residuals_->setSeries(std::move(predictions));
  // Only the charts the compared runs can fill: ROC, PR and confusion for classifiers,
  // predictions and residuals for regressors (both rows when mixed; the ROC row when empty).
  for (QWidget* w : classificationRow_) w->setVisible(classifier || !regressor);
  for (QWidget* w : regressionRow_) w->setVisible(regressor);
  retranslate();
}

void RunComparisonPanel::fillTables() {
  const int runs = static_cast<int>(comparison_.runNames.size());
  const bool kpi = std::any_of(comparison_.meetsKpi.begin(), comparison_.meetsKpi.end(),
                               [](const auto& m) { return m.has_value(); });
  metrics_->clear();
  metrics_->setColumnCount(runs);
  metrics_->setRowCount(static_cast<int>(comparison_.metrics.size()) + (kpi ? 1 : 0));
  metrics_->setHorizontalHeaderLabels(runNames_);
  int row = 0;
  if (kpi) {
    metrics_->setVerticalHeaderItem(row, new QTableWidgetItem(tr("Meets KPI")));
    for (int r = 0; r < runs; ++r) {
      const auto& meets = comparison_.meetsKpi[static_cast<std::size_t>(r)];
      auto* item = new QTableWidgetItem(!meets ? QStringLiteral("—") : *meets ? tr("✓ yes") : tr("✗ no"));
      if (meets && *meets) item->setForeground(QColor(0x2e, 0x7d, 0x32));
      metrics_->setItem(row, r, item);
    }
    ++row;
  }
  for (const auto& metric : comparison_.metrics) {
    metrics_->setVerticalHeaderItem(row, new QTableWidgetItem(QStringLiteral("%1 (%2)").arg(text(metric.name), text(metric.split))));
    for (int r = 0; r < runs; ++r) {
      const double value = metric.values[static_cast<std::size_t>(r)];
      const bool best = metric.best == r && runs > 1;
      auto* item = new QTableWidgetItem(best ? QStringLiteral("★ ") + metricText(value) : metricText(value));
      item->setData(Qt::UserRole, value);
      item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
      if (best) {
        QFont font = item->font();
        font.setBold(true);
        item->setFont(font);
        item->setToolTip(metric.higherIsBetter ? tr("The best: the highest") : tr("The best: the lowest"));
      }
      metrics_->setItem(row, r, item);
    }
    ++row;
  }

  parameters_->clear();
  parameters_->setColumnCount(runs);
  parameters_->setRowCount(static_cast<int>(comparison_.parameters.size()));
  parameters_->setHorizontalHeaderLabels(runNames_);
  for (int p = 0; p < static_cast<int>(comparison_.parameters.size()); ++p) {
    const auto& parameter = comparison_.parameters[static_cast<std::size_t>(p)];
    parameters_->setVerticalHeaderItem(p, new QTableWidgetItem(text(parameter.name)));
    for (int r = 0; r < runs; ++r) {
      auto* item = new QTableWidgetItem(text(parameter.values[static_cast<std::size_t>(r)]));
      if (parameter.differs) {
        QFont font = item->font();
        font.setBold(true);
        item->setFont(font);
        item->setToolTip(tr("Differs between the runs"));
      }
      parameters_->setItem(p, r, item);
    }
  }
}

}  // namespace lathe::widgets
