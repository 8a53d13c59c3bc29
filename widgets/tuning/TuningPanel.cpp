#include "widgets/tuning/TuningPanel.h"

#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QSplitter>
#include <QVBoxLayout>

#include "widgets/panels/NodeEditingBanner.h"
#include "widgets/tuning/TuningForm.h"
#include "widgets/tuning/TuningResultsView.h"

namespace lathe::widgets {

TuningPanel::TuningPanel(QWidget* parent)
    : QWidget(parent),
      banner_(new NodeEditingBanner(this)),
      datasetLabel_(new QLabel(this)),
      dataset_(new QComboBox(this)),
      form_(new TuningForm(this)),
      start_(new QPushButton(this)),
      cancel_(new QPushButton(this)),
      progress_(new QProgressBar(this)),
      status_(new QLabel(this)),
      searchLabel_(new QLabel(this)),
      searches_(new QComboBox(this)),
      resume_(new QPushButton(this)),
      bestRun_(new QPushButton(this)),
      compare_(new QPushButton(this)),
      results_(new TuningResultsView(this)) {
  dataset_->setObjectName(QStringLiteral("tuningDataset"));
  start_->setObjectName(QStringLiteral("tuningStart"));
  cancel_->setObjectName(QStringLiteral("tuningCancel"));
  progress_->setObjectName(QStringLiteral("tuningProgress"));
  status_->setObjectName(QStringLiteral("tuningStatus"));
  searches_->setObjectName(QStringLiteral("tuningSearches"));
  resume_->setObjectName(QStringLiteral("tuningResume"));
  bestRun_->setObjectName(QStringLiteral("tuningBestRun"));
  compare_->setObjectName(QStringLiteral("tuningCompare"));
  status_->setWordWrap(true);
  status_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  progress_->setRange(0, 1000);
  progress_->setTextVisible(false);
  progress_->hide();
  start_->setDefault(true);
  searches_->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
  searches_->setMinimumContentsLength(24);

  auto* datasetRow = new QHBoxLayout;
  datasetRow->addWidget(datasetLabel_);
  datasetRow->addWidget(dataset_, 1);
  auto* buttons = new QHBoxLayout;
  buttons->addWidget(start_);
  buttons->addWidget(cancel_);
  buttons->addStretch(1);
  auto* setup = new QWidget;
  auto* setupLayout = new QVBoxLayout(setup);
  setupLayout->setContentsMargins(6, 6, 6, 6);
  setupLayout->addLayout(datasetRow);
  setupLayout->addWidget(form_);
  setupLayout->addLayout(buttons);
  setupLayout->addWidget(progress_);
  setupLayout->addWidget(status_);
  setupLayout->addStretch(1);
  auto* scroll = new QScrollArea;
  scroll->setWidgetResizable(true);
  scroll->setFrameShape(QFrame::NoFrame);
  scroll->setWidget(setup);

  auto* searchRow = new QHBoxLayout;
  searchRow->addWidget(searchLabel_);
  searchRow->addWidget(searches_, 1);
  searchRow->addWidget(resume_);
  searchRow->addWidget(bestRun_);
  searchRow->addWidget(compare_);
  auto* found = new QWidget;
  auto* foundLayout = new QVBoxLayout(found);
  foundLayout->setContentsMargins(6, 6, 6, 0);
  foundLayout->addLayout(searchRow);
  foundLayout->addWidget(results_, 1);

  auto* splitter = new QSplitter(Qt::Horizontal, this);
  splitter->setChildrenCollapsible(false);
  splitter->addWidget(scroll);
  splitter->addWidget(found);
  splitter->setStretchFactor(0, 0);
  splitter->setStretchFactor(1, 1);
  // The form starts as wide as its longest choice; a narrow window still squeezes it (it scrolls).
  splitter->setSizes({setup->sizeHint().width() + scroll->verticalScrollBar()->sizeHint().width(), 4 * setup->sizeHint().width()});
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->setSpacing(0);
  layout->addWidget(banner_);
  layout->addWidget(splitter, 1);

  connect(start_, &QPushButton::clicked, this, &TuningPanel::startRequested);
  connect(cancel_, &QPushButton::clicked, this, &TuningPanel::cancelRequested);
  connect(resume_, &QPushButton::clicked, this, [this] {
    if (shownSearch() != 0) emit resumeRequested(shownSearch());
  });
  connect(bestRun_, &QPushButton::clicked, this, [this] {
    if (bestRunId_ != 0) emit runRequested(bestRunId_);
  });
  connect(compare_, &QPushButton::clicked, this, [this] {
    const QList<qint64> runs = results_->topRuns();
    if (runs.size() >= 2) emit compareRequested(runs);
  });
  connect(searches_, &QComboBox::currentIndexChanged, this, [this] {
    updateButtons();
    if (shownSearch() != 0) emit searchChosen(shownSearch());
  });
  connect(dataset_, &QComboBox::currentIndexChanged, this, [this] { emit datasetChanged(datasetVersionId()); });
  connect(results_, &TuningResultsView::runActivated, this, &TuningPanel::runRequested);
  retranslate();
  updateButtons();
}

void TuningPanel::setDatasets(const QList<QPair<qint64, QString>>& versions, qint64 current) {
  const QSignalBlocker block(dataset_);
  dataset_->clear();
  for (const auto& [id, name] : versions) dataset_->addItem(name, id);
  const int index = dataset_->findData(current);
  dataset_->setCurrentIndex(index >= 0 ? index : dataset_->count() - 1);
  updateButtons();
}

qint64 TuningPanel::datasetVersionId() const { return dataset_->currentData().toLongLong(); }

QString TuningPanel::datasetName() const { return dataset_->currentText(); }

void TuningPanel::setSearches(const QList<SearchEntry>& searches, qint64 shown) {
  entries_ = searches;
  const QSignalBlocker block(searches_);
  searches_->clear();
  for (const auto& entry : searches) searches_->addItem(entry.label, entry.id);
  searches_->setCurrentIndex(std::max(0, searches_->findData(shown)));
  updateButtons();
}

qint64 TuningPanel::shownSearch() const { return searches_->currentData().toLongLong(); }

void TuningPanel::setHistory(const tune::TuningHistory& history) {
  const auto* best = history.best();
  bestRunId_ = best ? best->trial.runId : 0;
  results_->setHistory(history);
  updateButtons();
}

void TuningPanel::setRunning(bool running) {
  running_ = running;
  progress_->setVisible(running);
  if (running) progress_->setValue(0);
  updateButtons();
}

void TuningPanel::setProgress(double fraction, const QString& message) {
  progress_->setValue(static_cast<int>(std::clamp(fraction, 0.0, 1.0) * 1000));
  if (!message.isEmpty()) status_->setText(message);
}

void TuningPanel::setStatus(const QString& text) { status_->setText(text); }

QString TuningPanel::status() const { return status_->text(); }

void TuningPanel::setNodeEditing(const QString& nodeTitle, bool automl) {
  editingNode_ = true;
  banner_->setNodeTitle(nodeTitle);
  form_->setAutoMl(automl);
  form_->setModeLocked(true);
  datasetLabel_->hide();
  dataset_->hide();
  updateButtons();
}

void TuningPanel::clearNodeEditing() {
  editingNode_ = false;
  banner_->clear();
  form_->setModeLocked(false);
  datasetLabel_->show();
  dataset_->show();
  updateButtons();
}

void TuningPanel::updateButtons() {
  start_->setVisible(!editingNode_);
  cancel_->setVisible(!editingNode_);
  start_->setEnabled(!running_ && dataset_->count() > 0);
  cancel_->setEnabled(running_);
  bool resumable = false;
  for (const auto& entry : entries_)
    if (entry.id == shownSearch()) resumable = entry.resumable;
  resume_->setEnabled(!running_ && !editingNode_ && resumable);
  bestRun_->setEnabled(bestRunId_ != 0);
  compare_->setEnabled(results_->topRuns().size() >= 2);
}

void TuningPanel::changeEvent(QEvent* event) {
  if (event->type() == QEvent::LanguageChange) retranslate();
  QWidget::changeEvent(event);
}

void TuningPanel::retranslate() {
  datasetLabel_->setText(tr("Dataset:"));
  start_->setText(tr("Start"));
  cancel_->setText(tr("Cancel"));
  searchLabel_->setText(tr("Results of:"));
  resume_->setText(tr("Resume"));
  resume_->setToolTip(tr("Carry on a search that was stopped, from the trials the project holds"));
  bestRun_->setText(tr("Open Best Run"));
  compare_->setText(tr("Compare Top Models"));
  compare_->setToolTip(tr("The best model of each algorithm (or the best trials) side by side: metrics, ROC and "
                          "precision–recall curves, confusion matrices and feature importances"));
}

}  // namespace lathe::widgets
