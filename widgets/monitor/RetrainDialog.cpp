#include "widgets/monitor/RetrainDialog.h"

#include <QButtonGroup>
#include <QComboBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QStackedWidget>
#include <QTableWidget>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>

#include "engine/eval/Metric.h"
#include "widgets/monitor/MonitorFormat.h"

namespace lathe::widgets {
namespace {

QString figure(double value) { return QLocale().toString(value, 'f', 3); }

// The direction of a metric Lathe knows; nullopt for another name (its row is left unmarked).
std::optional<bool> higherIsBetter(const std::string& metric) {
  const auto names = eval::Metric::names();
  if (std::find(names.begin(), names.end(), metric) == names.end()) return std::nullopt;
  return eval::Metric::higherIsBetter(metric);
}

// The KPI the comparison was judged on: its own, else the first metric both models have.
std::string headline(const monitor::RetrainComparison& c) {
  if (!c.kpiMetric.empty()) return c.kpiMetric;
  for (const auto& [name, value] : c.live)
    if (c.candidate.count(name)) return name;
  return {};
}

QLabel* wrapped(QWidget* parent) {
  auto* label = new QLabel(parent);
  label->setWordWrap(true);
  label->setTextInteractionFlags(Qt::TextSelectableByMouse);
  return label;
}

}  // namespace

RetrainDialog::RetrainDialog(QWidget* parent)
    : QDialog(parent),
      steps_(new QStackedWidget(this)),
      intro_(wrapped(this)),
      fromFile_(new QRadioButton(tr("A &file:"), this)),
      fromDataset_(new QRadioButton(tr("A project &dataset:"), this)),
      file_(new QLineEdit(this)),
      browse_(new QPushButton(tr("Browse…"), this)),
      dataset_(new QComboBox(this)),
      append_(new QRadioButton(tr("&Append it to the training data"), this)),
      replace_(new QRadioButton(tr("&Replace the training data with it"), this)),
      error_(wrapped(this)),
      about_(wrapped(this)),
      table_(new QTableWidget(0, 4, this)),
      verdict_(wrapped(this)),
      progress_(new QProgressBar(this)),
      status_(new QLabel(this)),
      cancel_(new QPushButton(tr("Cancel"), this)),
      retrain_(new QPushButton(tr("Retrain"), this)),
      promote_(new QPushButton(tr("Promote to Production"), this)),
      keep_(new QPushButton(tr("Keep the Live Model"), this)),
      close_(new QPushButton(tr("Close"), this)) {
  setWindowTitle(tr("Retrain"));
  retrain_->setObjectName(QStringLiteral("retrainButton"));
  promote_->setObjectName(QStringLiteral("promoteButton"));
  keep_->setObjectName(QStringLiteral("keepButton"));
  cancel_->setObjectName(QStringLiteral("cancelButton"));
  file_->setObjectName(QStringLiteral("retrainFile"));
  file_->setPlaceholderText(tr("CSV, ARFF or JSON file with the target column"));
  // Two questions in one dialog: radio buttons sharing a parent would otherwise be one group.
  auto* sources = new QButtonGroup(this);
  sources->addButton(fromFile_);
  sources->addButton(fromDataset_);
  auto* modes = new QButtonGroup(this);
  modes->addButton(append_);
  modes->addButton(replace_);
  fromFile_->setChecked(true);
  append_->setChecked(true);
  append_->setToolTip(tr("The model learns from the old and the new rows together"));
  replace_->setToolTip(tr("The model learns from the new rows only: for data that has changed for good"));

  // Step 1: the new data and the mode.
  auto* ask = new QWidget(this);
  auto* fileRow = new QHBoxLayout;
  fileRow->addWidget(file_, 1);
  fileRow->addWidget(browse_);
  auto* form = new QFormLayout;
  form->addRow(fromFile_, fileRow);
  form->addRow(fromDataset_, dataset_);
  auto* askLayout = new QVBoxLayout(ask);
  askLayout->setContentsMargins(0, 0, 0, 0);
  askLayout->addWidget(intro_);
  askLayout->addLayout(form);
  askLayout->addSpacing(6);
  askLayout->addWidget(append_);
  askLayout->addWidget(replace_);
  askLayout->addWidget(error_);
  askLayout->addStretch(1);
  MonitorFormat::styleAsError(error_);

  // Step 2: the comparison.
  table_->setObjectName(QStringLiteral("retrainComparison"));
  table_->verticalHeader()->hide();
  table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
  table_->setSelectionMode(QAbstractItemView::NoSelection);
  table_->setAlternatingRowColors(true);
  table_->verticalHeader()->setDefaultSectionSize(table_->fontMetrics().height() + 6);
  table_->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
  table_->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
  table_->horizontalHeader()->setStretchLastSection(true);
  auto* compare = new QWidget(this);
  auto* compareLayout = new QVBoxLayout(compare);
  compareLayout->setContentsMargins(0, 0, 0, 0);
  compareLayout->addWidget(table_, 1);
  QFont bold = verdict_->font();
  bold.setBold(true);
  verdict_->setFont(bold);
  verdict_->setObjectName(QStringLiteral("retrainVerdict"));
  about_->setObjectName(QStringLiteral("retrainAbout"));
  steps_->addWidget(ask);
  steps_->addWidget(compare);

  progress_->setRange(0, 0);  // busy: the job reports its own progress in the status line
  progress_->setMaximumHeight(progress_->fontMetrics().height());
  progress_->setTextVisible(false);
  status_->setObjectName(QStringLiteral("retrainStatus"));
  auto* busyRow = new QHBoxLayout;
  busyRow->addWidget(progress_, 1);
  busyRow->addWidget(status_, 2);
  busyRow->addWidget(cancel_);
  auto* buttons = new QHBoxLayout;
  buttons->addStretch(1);
  buttons->addWidget(keep_);
  buttons->addWidget(promote_);
  buttons->addWidget(retrain_);
  buttons->addWidget(close_);
  auto* layout = new QVBoxLayout(this);
  // Step 2's sentences frame the pages: what was trained above, the verdict beside the buttons.
  layout->addWidget(about_);
  layout->addWidget(steps_, 1);
  layout->addWidget(verdict_);
  layout->addLayout(busyRow);
  layout->addLayout(buttons);

  connect(fromFile_, &QRadioButton::toggled, this, &RetrainDialog::updateInputs);
  connect(browse_, &QPushButton::clicked, this, &RetrainDialog::browse);
  connect(retrain_, &QPushButton::clicked, this, &RetrainDialog::startRetrain);
  connect(cancel_, &QPushButton::clicked, this, &RetrainDialog::cancelRequested);
  connect(promote_, &QPushButton::clicked, this, [this] {
    emit promoteRequested();
    accept();
  });
  connect(keep_, &QPushButton::clicked, this, [this] {
    emit keepRequested();
    accept();
  });
  connect(close_, &QPushButton::clicked, this, &QDialog::reject);
  setLiveModel(QString());
  setBusy(false);
  resize(560, 380);
}

void RetrainDialog::setLiveModel(const QString& reference) {
  live_ = reference;
  if (!reference.isEmpty()) setWindowTitle(tr("Retrain %1").arg(reference));
  intro_->setText(tr("Train the model again with new data, then compare it with the live model on the same holdout "
                     "rows before anything changes in production."));
}

void RetrainDialog::setDatasets(const QStringList& names) {
  dataset_->clear();
  dataset_->addItems(names);
  updateInputs();
}

monitor::BatchSource RetrainDialog::source() const {
  return fromFile_->isChecked() ? monitor::BatchSource::File : monitor::BatchSource::Dataset;
}

QString RetrainDialog::sourceRef() const {
  return fromFile_->isChecked() ? file_->text().trimmed() : dataset_->currentText();
}

QString RetrainDialog::mode() const { return append_->isChecked() ? QStringLiteral("append") : QStringLiteral("replace"); }

QString RetrainDialog::validate() const {
  if (!sourceRef().isEmpty()) return {};
  return fromFile_->isChecked() ? tr("Choose the file with the new data.") : tr("Choose the dataset with the new data.");
}

void RetrainDialog::startRetrain() {
  const QString problem = validate();
  error_->setText(problem);
  error_->setVisible(!problem.isEmpty());
  if (problem.isEmpty()) emit retrainRequested();
}

void RetrainDialog::browse() {
  const QString path = QFileDialog::getOpenFileName(this, tr("New Training Data"), file_->text(),
                                                    tr("Data files (*.csv *.tsv *.txt *.arff *.json);;All files (*)"));
  if (!path.isEmpty()) file_->setText(path);
}

void RetrainDialog::setBusy(bool busy, const QString& status) {
  busy_ = busy;
  progress_->setVisible(busy);
  cancel_->setVisible(busy);
  status_->setText(status);
  status_->setVisible(busy || !status.isEmpty());  // a failure's message stays after the job
  updateInputs();
}

QString RetrainDialog::statusText() const { return status_->text(); }

void RetrainDialog::updateInputs() {
  const bool asking = !showsComparison();
  for (QWidget* input : {static_cast<QWidget*>(fromFile_), static_cast<QWidget*>(fromDataset_),
                         static_cast<QWidget*>(append_), static_cast<QWidget*>(replace_)})
    input->setEnabled(!busy_);
  file_->setEnabled(!busy_ && fromFile_->isChecked());
  browse_->setEnabled(!busy_ && fromFile_->isChecked());
  dataset_->setEnabled(!busy_ && fromDataset_->isChecked());
  fromDataset_->setEnabled(!busy_ && dataset_->count() > 0);
  about_->setVisible(!asking);
  verdict_->setVisible(!asking);
  retrain_->setVisible(asking);
  retrain_->setEnabled(!busy_);
  retrain_->setDefault(asking);
  promote_->setVisible(!asking);
  keep_->setVisible(!asking);
  close_->setEnabled(!busy_);
}

bool RetrainDialog::showsComparison() const { return steps_->currentIndex() == 1; }

void RetrainDialog::setComparison(const monitor::RetrainComparison& c) {
  steps_->setCurrentIndex(1);
  setBusy(false);
  const QString liveName = QString::fromStdString(c.liveVersion).isEmpty() ? live_ : QString::fromStdString(c.liveVersion);
  const QString candidateName = c.candidateVersion.empty() ? tr("Retrained") : QString::fromStdString(c.candidateVersion);
  const QString trained =
      c.mode == "replace"
          ? tr("%1 learned from %2 rows of the new data only (%3).")
          : tr("%1 learned from %2 rows: the training data and the new data (%3).");
  about_->setText(trained.arg(candidateName, MonitorFormat::count(c.trainingRows), QString::fromStdString(c.data)) +
                  QLatin1Char(' ') +
                  tr("Both models were scored on the same %1 holdout rows.").arg(MonitorFormat::count(c.holdoutRows)));
  table_->setHorizontalHeaderLabels({tr("Metric"), tr("Live: %1").arg(liveName.isEmpty() ? tr("live") : liveName),
                                     tr("Retrained: %1").arg(candidateName), tr("Better")});

  // The KPI first, then the other metrics either model has, by name, then the holdout size.
  const std::string kpi = headline(c);
  std::vector<std::string> metrics;
  if (!kpi.empty()) metrics.push_back(kpi);
  for (const auto* side : {&c.live, &c.candidate})
    for (const auto& [name, value] : *side)
      if (std::find(metrics.begin(), metrics.end(), name) == metrics.end()) metrics.push_back(name);
  std::sort(metrics.begin() + (kpi.empty() ? 0 : 1), metrics.end());
  table_->setRowCount(static_cast<int>(metrics.size()) + 1);
  QFont bold = table_->font();
  bold.setBold(true);
  for (int row = 0; row < static_cast<int>(metrics.size()); ++row) {
    const std::string& name = metrics[static_cast<std::size_t>(row)];
    const auto live = c.live.find(name), candidate = c.candidate.find(name);
    const std::optional<bool> higher = name == kpi && !c.kpiMetric.empty() ? std::optional(c.kpiHigherIsBetter) : higherIsBetter(name);
    auto* metric = new QTableWidgetItem(name == kpi && !c.kpiMetric.empty() ? tr("%1 (KPI)").arg(QString::fromStdString(name))
                                                                            : QString::fromStdString(name));
    auto* liveItem = new QTableWidgetItem(live != c.live.end() ? figure(live->second) : QStringLiteral("—"));
    auto* candidateItem = new QTableWidgetItem(candidate != c.candidate.end() ? figure(candidate->second) : QStringLiteral("—"));
    auto* better = new QTableWidgetItem;
    if (higher && live != c.live.end() && candidate != c.candidate.end() && live->second != candidate->second) {
      const bool candidateWins = (candidate->second > live->second) == *higher;
      (candidateWins ? candidateItem : liveItem)->setFont(bold);
      better->setText(candidateWins ? tr("retrained") : tr("live"));
      better->setData(Qt::UserRole, candidateWins ? QStringLiteral("candidate") : QStringLiteral("live"));
    } else if (live != c.live.end() && candidate != c.candidate.end() && live->second == candidate->second) {
      better->setText(tr("same"));
    }
    liveItem->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    candidateItem->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    if (name == kpi) metric->setFont(bold);
    table_->setItem(row, 0, metric);
    table_->setItem(row, 1, liveItem);
    table_->setItem(row, 2, candidateItem);
    table_->setItem(row, 3, better);
  }
  const int last = table_->rowCount() - 1;
  table_->setItem(last, 0, new QTableWidgetItem(tr("Holdout rows")));
  for (int column : {1, 2}) {
    auto* rows = new QTableWidgetItem(MonitorFormat::count(c.holdoutRows));
    rows->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    table_->setItem(last, column, rows);
  }
  table_->setItem(last, 3, new QTableWidgetItem);

  verdict_->setText(verdict(c));
  // The recommended answer is the default; a decision already taken is shown, not offered again.
  const bool decided = !c.decision.empty();
  promote_->setDefault(c.candidateIsBetter);
  keep_->setDefault(!c.candidateIsBetter);
  updateInputs();
  promote_->setEnabled(!decided);
  keep_->setEnabled(!decided);
  if (decided)
    status_->setText(c.decision == "promoted" ? tr("The retrained model was promoted to production.")
                                              : tr("The live model was kept."));
  status_->setVisible(decided);
}

QString RetrainDialog::verdict(const monitor::RetrainComparison& c) const {
  const std::string kpi = headline(c);
  const auto live = c.live.find(kpi), candidate = c.candidate.find(kpi);
  if (kpi.empty() || live == c.live.end() || candidate == c.candidate.end())
    return tr("The models have no metric in common to compare on.");
  const QString name = QString::fromStdString(kpi);
  if (figure(live->second) == figure(candidate->second) && !c.candidateIsBetter)
    return tr("Both models score %1 on %2: keeping the live model changes nothing.").arg(figure(live->second), name);
  if (c.candidateIsBetter)
    return tr("The retrained model is better on %1: %2 against %3.").arg(name, figure(candidate->second), figure(live->second));
  return tr("The live model is still better on %1: %2 against %3.").arg(name, figure(live->second), figure(candidate->second));
}

QString RetrainDialog::verdictText() const { return verdict_->text(); }

}  // namespace lathe::widgets
