#include "widgets/monitor/MonitorPanel.h"

#include <QAction>
#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QStackedWidget>
#include <QToolBar>
#include <QVBoxLayout>

#include "widgets/monitor/MonitorAlertBanner.h"
#include "widgets/monitor/MonitorRunView.h"
#include "widgets/panels/EmptyStatePanel.h"

namespace lathe::widgets {
namespace {

QAction* makeAction(const char* name, QObject* parent) {
  auto* action = new QAction(parent);
  action->setObjectName(QLatin1String(name));
  return action;
}

}  // namespace

MonitorPanel::MonitorPanel(QWidget* parent)
    : QWidget(parent),
      runNow_(makeAction("runNowAction", this)),
      newSchedule_(makeAction("newScheduleAction", this)),
      editSchedule_(makeAction("editScheduleAction", this)),
      newBaseline_(makeAction("newBaselineAction", this)),
      editConstraints_(makeAction("editConstraintsAction", this)),
      compareFile_(makeAction("compareFileAction", this)),
      retrain_(makeAction("retrainAction", this)),
      scheduleLabel_(new QLabel(this)),
      schedules_(new QComboBox(this)),
      running_(new QLabel(this)),
      stack_(new QStackedWidget(this)),
      noBaseline_(new EmptyStatePanel(this)),
      noSchedule_(new EmptyStatePanel(this)),
      noRuns_(new EmptyStatePanel(this)),
      runView_(new MonitorRunView(this)) {
  schedules_->setObjectName(QStringLiteral("scheduleSelector"));
  schedules_->setMinimumContentsLength(18);
  schedules_->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
  scheduleLabel_->setBuddy(schedules_);
  running_->setObjectName(QStringLiteral("runningLabel"));
  running_->setForegroundRole(QPalette::PlaceholderText);
  running_->setContentsMargins(4, 0, 4, 0);

  // What acts on the schedule next to it; baselines after; the one-off actions at the far end. A
  // tool bar, so that in a narrow dock the actions that do not fit move to its » menu.
  auto* bar = new QToolBar(this);
  bar->setObjectName(QStringLiteral("monitorToolBar"));
  bar->setToolButtonStyle(Qt::ToolButtonTextOnly);
  bar->setIconSize(QSize(16, 16));
  bar->addWidget(scheduleLabel_);
  bar->addWidget(schedules_);
  bar->addAction(runNow_);
  runningAction_ = bar->addWidget(running_);  // a tool bar shows or hides its widgets through their actions
  runningAction_->setVisible(false);
  bar->addSeparator();
  bar->addAction(editSchedule_);
  bar->addAction(newSchedule_);
  bar->addSeparator();
  bar->addAction(newBaseline_);
  bar->addAction(editConstraints_);
  auto* spacer = new QWidget(bar);
  spacer->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
  bar->addWidget(spacer);
  bar->addAction(compareFile_);
  bar->addAction(retrain_);
  // Named after their actions, for tests and style sheets.
  for (QAction* action : {runNow_, editSchedule_, newSchedule_, newBaseline_, editConstraints_, compareFile_, retrain_})
    if (QWidget* button = bar->widgetForAction(action))
      button->setObjectName(action->objectName().replace(QStringLiteral("Action"), QStringLiteral("Button")));

  // Each empty state offers the one action that leads on.
  noBaseline_->setObjectName(QStringLiteral("noBaselineState"));
  noBaseline_->addActionButton(newBaseline_);
  noSchedule_->setObjectName(QStringLiteral("noScheduleState"));
  noSchedule_->addActionButton(newSchedule_);
  noRuns_->setObjectName(QStringLiteral("noRunsState"));
  noRuns_->addActionButton(runNow_);
  // In State's order, so the state is the page's index.
  for (QWidget* page : {static_cast<QWidget*>(noBaseline_), static_cast<QWidget*>(noSchedule_),
                        static_cast<QWidget*>(noRuns_), static_cast<QWidget*>(runView_)})
    stack_->addWidget(page);

  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(6, 6, 6, 6);
  layout->setSpacing(6);
  layout->addWidget(bar);
  layout->addWidget(stack_, 1);
  status_ = new QLabel(this);
  status_->setObjectName(QStringLiteral("monitorStatus"));
  status_->setWordWrap(true);
  status_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  status_->hide();
  layout->addWidget(status_);

  connect(schedules_, &QComboBox::currentIndexChanged, this, &MonitorPanel::onScheduleChanged);
  connect(runNow_, &QAction::triggered, this, [this] {
    if (current_ != 0 && !busy_) emit runNowRequested(current_);
  });
  connect(newSchedule_, &QAction::triggered, this, &MonitorPanel::newScheduleRequested);
  connect(editSchedule_, &QAction::triggered, this, [this] {
    if (current_ != 0) emit editScheduleRequested(current_);
  });
  connect(newBaseline_, &QAction::triggered, this, &MonitorPanel::newBaselineRequested);
  connect(editConstraints_, &QAction::triggered, this, [this] {
    if (const auto id = constraintsBaselineId(); id != 0) emit editConstraintsRequested(id);
  });
  connect(compareFile_, &QAction::triggered, this, &MonitorPanel::compareFileRequested);
  connect(retrain_, &QAction::triggered, this, [this] {
    if (current_ != 0) emit retrainRequested(current_);
  });
  connect(runView_, &MonitorRunView::retrainRequested, retrain_, &QAction::trigger);
  retranslate();
  updateState();
}

void MonitorPanel::setSchedules(std::vector<monitor::MonitorSchedule> schedules) {
  scheduleList_ = std::move(schedules);
  fillSchedules();
}

void MonitorPanel::fillSchedules() {
  {
    const QSignalBlocker blocker(schedules_);
    schedules_->clear();
    for (const auto& s : scheduleList_) {
      const QString name = QString::fromStdString(s.name);
      schedules_->addItem(s.enabled ? name : tr("%1 (paused)").arg(name), QVariant::fromValue<qint64>(s.id));
      schedules_->setItemData(schedules_->count() - 1, QString::fromStdString(s.sourceRef), Qt::ToolTipRole);
    }
    const int again = schedules_->findData(QVariant::fromValue<qint64>(current_));
    schedules_->setCurrentIndex(again >= 0 ? again : (schedules_->count() > 0 ? 0 : -1));
  }
  onScheduleChanged();
}

void MonitorPanel::setBaselines(std::vector<monitor::BaselineInfo> baselines) {
  baselines_ = std::move(baselines);
  updateState();
}

void MonitorPanel::setHistory(std::int64_t scheduleId, std::vector<monitor::MonitorRunRecord> runsOldestFirst) {
  histories_[scheduleId] = std::make_shared<const std::vector<monitor::MonitorRunRecord>>(std::move(runsOldestFirst));
  if (scheduleId == current_) showHistory();
}

void MonitorPanel::setConstraints(const std::vector<monitor::FeatureConstraint>& constraints) {
  QHash<QString, double> thresholds;
  for (const auto& c : constraints)
    if (c.checkDistribution) thresholds.insert(QString::fromStdString(c.name), c.psiThreshold);
  runView_->setThresholds(std::move(thresholds));
}

void MonitorPanel::setBusy(bool running) {
  busy_ = running;
  runningAction_->setVisible(running);
  updateActions();
}

void MonitorPanel::setKpiName(const QString& metric) { runView_->setKpiName(metric); }

void MonitorPanel::selectSchedule(std::int64_t scheduleId) {
  const int index = schedules_->findData(QVariant::fromValue<qint64>(scheduleId));
  if (index >= 0) schedules_->setCurrentIndex(index);
}

const monitor::MonitorSchedule* MonitorPanel::currentSchedule() const {
  for (const auto& s : scheduleList_)
    if (s.id == current_) return &s;
  return nullptr;
}

bool MonitorPanel::hasRuns() const {
  const auto it = histories_.find(current_);
  return it != histories_.end() && !it->second->empty();
}

void MonitorPanel::onScheduleChanged() {
  const std::int64_t before = current_;
  current_ = schedules_->currentIndex() >= 0 ? schedules_->currentData().value<qint64>() : 0;
  showHistory();
  if (current_ != before && current_ != 0) emit scheduleSelected(current_);
}

void MonitorPanel::showHistory() {
  const auto it = histories_.find(current_);
  runView_->setRuns(it != histories_.end() ? it->second : nullptr);
  updateState();
}

MonitorPanel::State MonitorPanel::state() const {
  // A schedule implies a baseline, even before the baseline list arrives.
  if (baselines_.empty() && scheduleList_.empty()) return State::NoBaseline;
  if (scheduleList_.empty()) return State::NoSchedule;
  return hasRuns() ? State::Runs : State::NoRuns;
}

QString MonitorPanel::emptyStateText() const {
  switch (state()) {
    case State::NoBaseline: return noBaseline_->text();
    case State::NoSchedule: return noSchedule_->text();
    case State::NoRuns: return noRuns_->text();
    case State::Runs: return {};
  }
  return {};
}

void MonitorPanel::updateState() {
  stack_->setCurrentIndex(static_cast<int>(state()));
  updateActions();
}

std::int64_t MonitorPanel::constraintsBaselineId() const {
  if (const auto* s = currentSchedule()) return s->baselineId;
  return baselines_.empty() ? 0 : baselines_.front().id;
}

void MonitorPanel::updateActions() {
  const monitor::MonitorSchedule* schedule = currentSchedule();
  runNow_->setEnabled(schedule && !busy_);
  editSchedule_->setEnabled(schedule != nullptr);
  newSchedule_->setEnabled(!baselines_.empty());
  editConstraints_->setEnabled(constraintsBaselineId() != 0);
  compareFile_->setEnabled(!baselines_.empty());
  // Retraining replaces a model: without one on the schedule there is nothing to retrain.
  const bool canRetrain = schedule && !schedule->model.empty();
  const QString why = tr("Set the schedule's model in Edit Schedule… to retrain it");
  retrain_->setEnabled(canRetrain);
  retrain_->setToolTip(canRetrain ? tr("Train the model again on new data and compare it with the live one") : why);
  runView_->alertBanner()->setRetrainEnabled(canRetrain, why);
}

void MonitorPanel::changeEvent(QEvent* event) {
  if (event->type() == QEvent::LanguageChange) retranslate();
  QWidget::changeEvent(event);
}

void MonitorPanel::retranslate() {
  scheduleLabel_->setText(tr("&Schedule:"));
  running_->setText(tr("Running…"));
  runNow_->setText(tr("Run Now"));
  runNow_->setToolTip(tr("Compare the schedule's batch with its baseline now"));
  newSchedule_->setText(tr("New Schedule…"));
  newSchedule_->setToolTip(tr("Choose a baseline, where new data comes from, the model to watch and how often to check"));
  editSchedule_->setText(tr("Edit Schedule…"));
  editSchedule_->setToolTip(tr("Change the selected schedule's data, model, labels or interval"));
  newBaseline_->setText(tr("New Baseline…"));
  newBaseline_->setToolTip(tr("Record the statistics of the training data, which new data is compared with"));
  editConstraints_->setText(tr("Edit Constraints…"));
  editConstraints_->setToolTip(tr("What new data must satisfy: types, missing values, ranges, categories, drift thresholds"));
  compareFile_->setText(tr("Compare a File…"));
  compareFile_->setToolTip(tr("Compare any CSV, ARFF or JSON file with a baseline once, without a schedule"));
  retrain_->setText(tr("Retrain…"));
  noBaseline_->setTitle(tr("Nothing to monitor yet"));
  noBaseline_->setText(tr("No baseline yet. Create one from the training dataset: New Baseline… It records what the "
                          "data looked like, so new data can be compared with it."));
  noSchedule_->setTitle(tr("No monitoring schedule"));
  noSchedule_->setText(tr("A baseline is ready. Say which new data to compare with it, which model to watch and how "
                          "often: New Schedule…"));
  noRuns_->setTitle(tr("No runs yet"));
  noRuns_->setText(tr("No runs yet. Run Now compares the batch with the baseline."));
  // "(paused)" in the new language; the list and the shown run stay as they are.
  for (int i = 0; i < schedules_->count() && i < static_cast<int>(scheduleList_.size()); ++i) {
    const auto& s = scheduleList_[static_cast<std::size_t>(i)];
    const QString name = QString::fromStdString(s.name);
    schedules_->setItemText(i, s.enabled ? name : tr("%1 (paused)").arg(name));
  }
  updateActions();
}

void MonitorPanel::setStatus(const QString& text) {
  status_->setText(text);
  status_->setVisible(!text.isEmpty());
}

QString MonitorPanel::statusText() const { return status_->text(); }

}  // namespace lathe::widgets
