#include "widgets/panels/RunDetailsPanel.h"

#include <QEvent>
#include <algorithm>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTabWidget>
#include <QTableWidget>
#include <QTimer>
#include <QVBoxLayout>
#include <cmath>
#include <map>
#include <set>

#include "engine/experiments/RunComparison.h"
#include "widgets/charts/BusinessValueChart.h"
#include "widgets/charts/DecisionTreeView.h"

namespace lathe::widgets {

namespace {

QString text(const std::string& s) { return QString::fromStdString(s); }

QTableWidget* makeTable(const QString& name, QWidget* parent) {
  auto* table = new QTableWidget(parent);
  table->setObjectName(name);
  table->setEditTriggers(QAbstractItemView::NoEditTriggers);
  table->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
  table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
  table->horizontalHeader()->setStretchLastSection(true);
  return table;
}

}  // namespace

RunDetailsPanel::RunDetailsPanel(QWidget* parent)
    : QWidget(parent),
      title_(new QLabel(this)),
      register_(new QPushButton(this)),
      summary_(new QLabel(this)),
      metrics_(makeTable(QStringLiteral("runMetrics"), this)),
      parameters_(makeTable(QStringLiteral("runParameters"), this)),
      notesLabel_(new QLabel(this)),
      notes_(new QPlainTextEdit(this)),
      notesTimer_(new QTimer(this)),
      tabs_(new QTabWidget(this)),
      overview_(new QWidget(this)),
      value_(new BusinessValueChart(this)),
      tree_(new DecisionTreeView(this)) {
  setObjectName(QStringLiteral("runDetailsPanel"));
  tabs_->setObjectName(QStringLiteral("runDetailsTabs"));
  notes_->setObjectName(QStringLiteral("runNotes"));
  title_->setWordWrap(true);
  QFont bold = title_->font();
  bold.setBold(true);
  title_->setFont(bold);
  summary_->setWordWrap(true);
  summary_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  notes_->setTabChangesFocus(true);
  notesTimer_->setSingleShot(true);
  notesTimer_->setInterval(800);  // one undo step per pause in typing, not per key
  connect(notesTimer_, &QTimer::timeout, this, &RunDetailsPanel::flushNotes);
  connect(notes_, &QPlainTextEdit::textChanged, this, [this] {
    if (runId_ != 0) notesTimer_->start();
  });
  notes_->installEventFilter(this);
  value_->setMinimumSize(160, 160);  // the dock shares a narrow column with Training and Recipe

  auto* tables = new QSplitter(Qt::Vertical, overview_);  // the Run dock is a narrow column
  tables->addWidget(metrics_);
  tables->addWidget(parameters_);
  auto* overviewLayout = new QVBoxLayout(overview_);
  overviewLayout->addWidget(summary_);
  overviewLayout->addWidget(tables, 3);
  overviewLayout->addWidget(notesLabel_);
  overviewLayout->addWidget(notes_, 1);
  tabs_->addTab(overview_, QString());
  tabs_->addTab(value_, QString());
  tabs_->addTab(tree_, QString());

  register_->setObjectName(QStringLiteral("registerRunButton"));
  connect(register_, &QPushButton::clicked, this, [this] {
    if (runId_ != 0) emit registerRequested(runId_);
  });
  auto* header = new QHBoxLayout;
  header->addWidget(title_, 1);
  header->addWidget(register_, 0, Qt::AlignTop);
  auto* layout = new QVBoxLayout(this);
  layout->addLayout(header);
  layout->addWidget(tabs_, 1);
  retranslate();
  clear();
}

void RunDetailsPanel::retranslate() {
  tabs_->setTabText(0, tr("Overview"));
  tabs_->setTabText(1, tr("Business value"));
  tabs_->setTabText(2, tr("Tree"));
  notesLabel_->setText(tr("Notes"));
  register_->setText(tr("Register Model…"));
  updateRegisterTip();
  notes_->setPlaceholderText(tr("What did you try, and what did you learn? Notes are saved with the run."));
  if (!run_) title_->setText(tr("Select one run in Experiments to see it in full."));
  fillSummary();
  fillTables();
}

void RunDetailsPanel::setRegisterable(bool registerable) {
  register_->setEnabled(registerable && runId_ != 0);
  register_->setVisible(runId_ != 0);
  updateRegisterTip();
}

void RunDetailsPanel::updateRegisterTip() {
  register_->setToolTip(register_->isEnabled() ? tr("Register this run's model as a new version in the model registry")
                                               : tr("Only a finished run that kept its model can be registered"));
}

void RunDetailsPanel::changeEvent(QEvent* event) {
  if (event->type() == QEvent::LanguageChange) retranslate();
  QWidget::changeEvent(event);
}

bool RunDetailsPanel::eventFilter(QObject* watched, QEvent* event) {
  if (watched == notes_ && event->type() == QEvent::FocusOut) flushNotes();
  return QWidget::eventFilter(watched, event);
}

void RunDetailsPanel::flushNotes() {
  notesTimer_->stop();
  if (runId_ == 0 || notes_->toPlainText() == savedNotes_) return;
  savedNotes_ = notes_->toPlainText();
  emit notesEdited(runId_, savedNotes_);
}

QString RunDetailsPanel::notes() const { return notes_->toPlainText(); }

void RunDetailsPanel::setRun(const store::ExperimentRun& run, const store::Kpi& kpi) {
  const QString stored = text(run.notes);
  const bool sameRun = run_ && run.id == runId_;
  // Notes typed but not yet sent belong to the run they were typed for.
  if (!sameRun) flushNotes();
  // The same run again (after any change to the project) keeps what the user is typing.
  const bool typing = sameRun && notes_->toPlainText() != savedNotes_;
  run_ = run;
  kpi_ = kpi;
  runId_ = run.id;
  if (!typing) {
    const QSignalBlocker block(notes_);
    if (notes_->toPlainText() != stored) notes_->setPlainText(stored);
    savedNotes_ = stored;
  }
  notes_->setEnabled(true);
  title_->setText(text(run.name));
  fillSummary();
  fillTables();
}

void RunDetailsPanel::setBusinessValue(std::optional<experiments::BusinessValueCurve> curve, const store::Kpi& kpi,
                                       const store::CostMatrix& costs) {
  value_->setKpi(kpi);
  value_->setCostMatrix(costs);  // an unset matrix: the chart says to set one
  std::vector<BusinessValueSeries> series;
  if (curve && run_ && costs.isSet()) series.push_back({text(run_->name), std::move(*curve)});
  value_->setCurves(std::move(series));
}

void RunDetailsPanel::setTree(std::optional<experiments::TreeDiagram> tree) {
  const bool any = tree.has_value();
  if (any) tree_->setTree(*tree);
  else tree_->clear();
  tabs_->setTabVisible(2, any);
}

void RunDetailsPanel::clear() {
  flushNotes();
  run_.reset();
  runId_ = 0;
  register_->setVisible(false);
  savedNotes_.clear();
  {
    const QSignalBlocker block(notes_);
    notes_->clear();
  }
  notes_->setEnabled(false);
  value_->clear();
  tree_->clear();
  tabs_->setTabVisible(2, false);
  tabs_->setCurrentIndex(0);
  title_->setText(tr("Select one run in Experiments to see it in full."));
  fillSummary();
  fillTables();
}

void RunDetailsPanel::fillSummary() {
  if (!run_) {
    summary_->clear();
    return;
  }
  const store::ExperimentRun& run = *run_;
  QStringList lines;
  lines << tr("%1 · %2 · target %3").arg(text(run.algorithm), text(run.task), text(run.target));
  lines << (run.datasetVersionId ? tr("Dataset version %1").arg(*run.datasetVersionId) : tr("No dataset version"));
  if (run.seed) lines << tr("Seed %1").arg(*run.seed);
  lines << tr("Trained %1 in %2 s").arg(text(run.startedAt)).arg(run.durationSeconds, 0, 'f', 1);
  if (run.candidate) lines << tr("Marked as the candidate for deployment");
  if (!run.tags.empty()) {
    QStringList tags;
    for (const auto& tag : run.tags) tags << text(tag);
    lines << tr("Tags: %1").arg(tags.join(QStringLiteral(", ")));
  }
  if (const auto meets = experiments::RunComparison::meetsKpiOf(run.metrics, kpi_))
    lines << (*meets ? tr("Meets the KPI (%1)").arg(text(kpi_.metric)) : tr("Misses the KPI (%1)").arg(text(kpi_.metric)));
  summary_->setText(lines.join(QStringLiteral("\n")));
}

void RunDetailsPanel::fillTables() {
  metrics_->clear();
  parameters_->clear();
  metrics_->setRowCount(0);
  parameters_->setRowCount(0);
  if (!run_) return;
  // Metrics: one row per metric, one column per split, in the order the run first names them.
  std::vector<std::string> names, splits;
  std::map<std::pair<std::string, std::string>, double> values;
  for (const auto& m : run_->metrics) {
    if (std::find(names.begin(), names.end(), m.name) == names.end()) names.push_back(m.name);
    if (std::find(splits.begin(), splits.end(), m.split) == splits.end()) splits.push_back(m.split);
    values[{m.name, m.split}] = m.value;
  }
  metrics_->setRowCount(int(names.size()));
  metrics_->setColumnCount(int(splits.size()) + 1);
  QStringList header{tr("Metric")};
  for (const auto& s : splits) header << text(s);
  metrics_->setHorizontalHeaderLabels(header);
  for (std::size_t r = 0; r < names.size(); ++r) {
    metrics_->setItem(int(r), 0, new QTableWidgetItem(text(names[r])));
    for (std::size_t c = 0; c < splits.size(); ++c) {
      const auto it = values.find({names[r], splits[c]});
      const QString cell = it == values.end() || std::isnan(it->second) ? QStringLiteral("—")
                                                                        : QString::number(it->second, 'f', 4);
      auto* item = new QTableWidgetItem(cell);
      item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
      metrics_->setItem(int(r), int(c) + 1, item);
    }
  }
  // Parameters: what made the run (algorithm, data, validation, seed) and every hyperparameter.
  const auto comparison = experiments::RunComparison::of({*run_}, kpi_);
  parameters_->setRowCount(int(comparison.parameters.size()));
  parameters_->setColumnCount(2);
  parameters_->setHorizontalHeaderLabels({tr("Parameter"), tr("Value")});
  for (std::size_t r = 0; r < comparison.parameters.size(); ++r) {
    const auto& row = comparison.parameters[r];
    parameters_->setItem(int(r), 0, new QTableWidgetItem(text(row.name)));
    parameters_->setItem(int(r), 1, new QTableWidgetItem(row.values.empty() ? QString() : text(row.values[0])));
  }
}

}  // namespace lathe::widgets
