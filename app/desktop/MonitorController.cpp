#include "app/desktop/MonitorController.h"

#include <QFileDialog>
#include <QFileInfo>
#include <QMap>
#include <QTimer>

#include "app/document/ProjectDocument.h"
#include "engine/core/Error.h"
#include "engine/deploy/EndpointRegistry.h"
#include "engine/deploy/ModelRegistry.h"
#include "engine/monitor/CreateBaselineJob.h"
#include "engine/monitor/MonitorRepository.h"
#include "engine/monitor/MonitorRunJob.h"
#include "engine/monitor/RetrainJob.h"
#include "engine/store/DatasetRepository.h"
#include "engine/store/Project.h"
#include "engine/store/Timestamp.h"
#include "widgets/monitor/ConstraintsDialog.h"
#include "widgets/monitor/MonitorPanel.h"
#include "widgets/monitor/NewBaselineDialog.h"
#include "widgets/monitor/RetrainDialog.h"
#include "widgets/monitor/ScheduleDialog.h"

namespace lathe::app {
namespace {

QString text(const std::string& s) { return QString::fromStdString(s); }

// How many runs of a schedule the view charts: enough for a year of daily runs, little to read.
constexpr std::size_t kHistoryRuns = 400;

QStringList modelReferences(store::Database& db) {
  QStringList out;
  deploy::ModelRegistry registry(db);
  for (const auto& name : registry.models()) {
    out << text(name + ":production");
    for (const auto& v : registry.versions(name)) out << text(v.reference());
  }
  return out;
}

QStringList datasetNames(const std::vector<store::DatasetInfo>& datasets) {
  QStringList out;
  for (const auto& d : datasets) out << text(d.name);
  return out;
}

}  // namespace

MonitorController::MonitorController(ProjectDocument* document, JobManager* jobs, widgets::MonitorPanel* panel,
                                     QWidget* dialogParent, QObject* parent)
    : QObject(parent), document_(document), jobs_(jobs), panel_(panel), dialogParent_(dialogParent), tick_(new QTimer(this)) {
  tick_->setInterval(60 * 1000);
  connect(tick_, &QTimer::timeout, this, &MonitorController::runDueSchedules);
  tick_->start();
  connect(document_, &ProjectDocument::projectChanged, this, [this] {
    panel_->setStatus({});
    refresh();
  });
  connect(panel_, &widgets::MonitorPanel::scheduleSelected, this, &MonitorController::showSchedule);
  connect(panel_, &widgets::MonitorPanel::runNowRequested, this, &MonitorController::runSchedule);
  connect(panel_, &widgets::MonitorPanel::newBaselineRequested, this, &MonitorController::askBaseline);
  connect(panel_, &widgets::MonitorPanel::newScheduleRequested, this, [this] { askSchedule(0); });
  connect(panel_, &widgets::MonitorPanel::editScheduleRequested, this, &MonitorController::askSchedule);
  connect(panel_, &widgets::MonitorPanel::editConstraintsRequested, this, &MonitorController::askConstraints);
  connect(panel_, &widgets::MonitorPanel::compareFileRequested, this, &MonitorController::askCompare);
  connect(panel_, &widgets::MonitorPanel::retrainRequested, this, &MonitorController::askRetrain);
  refresh();
}

MonitorController::~MonitorController() {
  if (job_ != 0) jobs_->cancel(job_);
}

void MonitorController::refresh() {
  if (!document_->hasProject()) {
    panel_->setBaselines({});
    panel_->setSchedules({});
    return;
  }
  try {
    monitor::MonitorRepository repository(document_->project()->db());
    panel_->setKpiName(text(document_->info().kpi.metric));
    panel_->setBaselines(repository.baselines());
    panel_->setSchedules(repository.schedules());  // emits scheduleSelected: the history follows
  } catch (const Error& e) {
    panel_->setStatus(tr("Could not read the monitoring schedules: %1").arg(text(e.what())));
  }
}

void MonitorController::showSchedule(std::int64_t scheduleId) {
  if (!document_->hasProject() || scheduleId <= 0) return;
  try {
    monitor::MonitorRepository repository(document_->project()->db());
    const auto schedule = repository.schedule(scheduleId);
    panel_->setConstraints(repository.baseline(schedule.baselineId).constraints);
    panel_->setHistory(scheduleId, repository.runs(scheduleId, kHistoryRuns));
  } catch (const Error& e) {
    panel_->setStatus(tr("Could not read the monitoring runs: %1").arg(text(e.what())));
  }
}

bool MonitorController::createBaseline(const QString& name, const QString& dataset, const QString& model,
                                       const QString& sensitive) {
  if (!document_->hasProject()) return false;
  monitor::BaselineRequest request;
  request.name = name.toStdString();
  request.dataset = dataset.toStdString();
  request.model = model.toStdString();
  request.sensitiveAttribute = sensitive.toStdString();
  auto job = std::make_shared<monitor::CreateBaselineJob>(document_->project(), request);
  return submit(job, tr("Create baseline “%1”").arg(name), [this, name] {
    panel_->setStatus(tr("Baseline “%1” created. Next: New Schedule… compares new data with it.").arg(name));
    refresh();
  });
}

bool MonitorController::saveSchedule(const monitor::MonitorSchedule& schedule) {
  try {
    monitor::MonitorRepository repository(document_->project()->db());
    std::int64_t id = schedule.id;
    if (id > 0) repository.updateSchedule(schedule);
    else id = repository.addSchedule(schedule);
    refresh();
    panel_->selectSchedule(id);
    return true;
  } catch (const Error& e) {
    panel_->setStatus(tr("Could not save the schedule: %1").arg(text(e.what())));
    return false;
  }
}

bool MonitorController::runSchedule(std::int64_t scheduleId) {
  if (!document_->hasProject() || scheduleId <= 0 || job_ != 0) return false;
  auto job = monitor::MonitorRunJob::forSchedule(document_->project(), scheduleId);
  std::shared_ptr<monitor::MonitorRunJob> shared(std::move(job));
  std::string name;
  try {
    name = monitor::MonitorRepository(document_->project()->db()).schedule(scheduleId).name;
  } catch (const Error&) {
  }
  const auto stopped = [this, scheduleId](const QString&) { stoppedAt_[scheduleId] = QDateTime::currentDateTimeUtc(); };
  return submit(shared, tr("Monitor “%1”").arg(text(name)), [this, shared, scheduleId, name] {
    stoppedAt_.erase(scheduleId);
    const auto& run = shared->result();
    panel_->setStatus(run.alerts.empty() ? tr("“%1”: %2 rows compared, nothing crossed a threshold.").arg(text(name)).arg(run.data.rows)
                                         : tr("“%1”: %n alert(s).", nullptr, int(run.alerts.size())).arg(text(name)));
    refresh();
    panel_->selectSchedule(scheduleId);
    showSchedule(scheduleId);
    if (!run.alerts.empty()) emit alerted(text(name), int(run.alerts.size()));
  }, stopped);
}

bool MonitorController::compareFile(std::int64_t scheduleId, const QString& path) {
  if (!document_->hasProject() || job_ != 0) return false;
  monitor::MonitorSchedule batch;
  try {
    batch = monitor::MonitorRepository(document_->project()->db()).schedule(scheduleId);
  } catch (const Error& e) {
    panel_->setStatus(tr("Could not read the schedule: %1").arg(text(e.what())));
    return false;
  }
  batch.id = 0;  // a run by hand: kept apart from the schedule's history
  batch.source = monitor::BatchSource::File;
  batch.sourceRef = path.toStdString();
  batch.labelsPath.clear();
  auto job = std::make_shared<monitor::MonitorRunJob>(document_->project(), batch, true);
  return submit(job, tr("Compare %1").arg(QFileInfo(path).fileName()), [this, job, scheduleId] {
    // Shown after the schedule's own runs until the view is read again.
    monitor::MonitorRepository repository(document_->project()->db());
    auto runs = repository.runs(scheduleId, kHistoryRuns);
    runs.push_back(job->result());
    panel_->setHistory(scheduleId, std::move(runs));
    panel_->setStatus(tr("Compared %1 with the baseline (a run by hand, kept in the project's history).")
                          .arg(text(job->result().source)));
  });
}

int MonitorController::runDueSchedules() {
  if (!document_->hasProject() || document_->project()->readOnly() || job_ != 0) return 0;
  try {
    const std::string now = store::timestampNow();
    const QDateTime clock = QDateTime::currentDateTimeUtc();
    for (const auto& s : monitor::MonitorRepository(document_->project()->db()).schedules()) {
      const auto stopped = stoppedAt_.find(s.id);
      if (stopped != stoppedAt_.end() && stopped->second.secsTo(clock) < qint64(s.intervalMinutes) * 60) continue;
      if (s.isDue(now)) return runSchedule(s.id) ? 1 : 0;
    }
  } catch (const Error&) {
    // A busy project: the next tick tries again.
  }
  return 0;
}

void MonitorController::askBaseline() {
  if (!document_->hasProject()) return;
  widgets::NewBaselineDialog dialog(dialogParent_);
  QMap<QString, QStringList> columns;
  store::DatasetRepository datasets(document_->project()->db());
  for (const auto& d : document_->datasets()) {
    if (d.versions.empty()) continue;
    QStringList names;
    for (const auto& c : datasets.columns(d.versions.back().id)) names << text(c.name);
    columns.insert(text(d.name), names);
  }
  dialog.setDatasets(columns);
  dialog.setModels(modelReferences(document_->project()->db()));
  if (dialog.exec() != QDialog::Accepted) return;
  createBaseline(dialog.name(), dialog.dataset(), dialog.model(), dialog.sensitiveAttribute());
}

void MonitorController::askSchedule(std::int64_t scheduleId) {
  if (!document_->hasProject()) return;
  store::Database& db = document_->project()->db();
  monitor::MonitorRepository repository(db);
  widgets::ScheduleDialog dialog(dialogParent_);
  const auto baselines = repository.baselines();
  dialog.setBaselines(baselines);
  dialog.setDatasets(datasetNames(document_->datasets()));
  QStringList endpoints;
  for (const auto& e : deploy::EndpointRegistry(db).list()) endpoints << text(e.name);
  dialog.setEndpoints(endpoints);
  dialog.setModels(modelReferences(db));
  const auto featuresOf = [&repository, &dialog](std::int64_t baselineId) {
    QStringList names;
    try {
      for (const auto& f : repository.baseline(baselineId).features) names << text(f.name);
    } catch (const Error&) {
    }
    dialog.setFeatureNames(names);
  };
  connect(&dialog, &widgets::ScheduleDialog::baselineChosen, this, featuresOf);
  if (scheduleId > 0) {
    const auto schedule = repository.schedule(scheduleId);
    featuresOf(schedule.baselineId);
    dialog.setSchedule(schedule);
  } else if (!baselines.empty()) {
    featuresOf(baselines.front().id);
  }
  if (dialog.exec() != QDialog::Accepted) return;
  saveSchedule(dialog.schedule());
}

void MonitorController::askConstraints(std::int64_t baselineId) {
  if (!document_->hasProject() || baselineId <= 0) return;
  try {
    monitor::MonitorRepository repository(document_->project()->db());
    widgets::ConstraintsDialog dialog(repository.baseline(baselineId), dialogParent_);
    if (dialog.exec() != QDialog::Accepted) return;
    repository.setConstraints(baselineId, dialog.constraints());
    panel_->setConstraints(repository.baseline(baselineId).constraints);
    panel_->setStatus(tr("Constraints saved: the next run checks the data against them."));
  } catch (const Error& e) {
    panel_->setStatus(tr("Could not save the constraints: %1").arg(text(e.what())));
  }
}

void MonitorController::askCompare() {
  const auto scheduleId = panel_->currentScheduleId();
  if (scheduleId <= 0) return;
  const QString path = QFileDialog::getOpenFileName(dialogParent_, tr("Compare a File with the Baseline"), QString(),
                                                    tr("Data files (*.csv *.tsv *.txt *.arff *.json *.jsonl);;All files (*)"));
  if (!path.isEmpty()) compareFile(scheduleId, path);
}

void MonitorController::askRetrain(std::int64_t scheduleId) {
  if (!document_->hasProject() || scheduleId <= 0) return;
  monitor::MonitorSchedule schedule;
  std::string live;
  try {
    monitor::MonitorRepository repository(document_->project()->db());
    schedule = repository.schedule(scheduleId);
    live = !schedule.model.empty() ? schedule.model : repository.modelBaseline(schedule.baselineId).model;
  } catch (const Error& e) {
    panel_->setStatus(tr("Could not read the schedule: %1").arg(text(e.what())));
    return;
  }
  if (live.empty()) {
    panel_->setStatus(tr("This schedule watches no model: name one in Edit Schedule… to retrain it."));
    return;
  }
  // The live model is the production version of the watched model's name.
  const std::string name = live.substr(0, live.find(':'));
  const QString liveReference = text(name + ":production");
  auto* dialog = new widgets::RetrainDialog(dialogParent_);
  dialog->setAttribute(Qt::WA_DeleteOnClose);
  dialog->setLiveModel(liveReference);
  dialog->setDatasets(datasetNames(document_->datasets()));
  connect(dialog, &widgets::RetrainDialog::retrainRequested, this, [this, dialog, liveReference, scheduleId] {
    monitor::RetrainRequest request;
    request.liveModel = liveReference.toStdString();
    request.source = dialog->source();
    request.sourceRef = dialog->sourceRef().toStdString();
    request.append = dialog->mode() == QStringLiteral("append");
    request.scheduleId = scheduleId;
    auto job = std::make_shared<monitor::RetrainJob>(document_->project(), request);
    const QPointer<widgets::RetrainDialog> guard(dialog);
    dialog->setBusy(true, tr("Retraining…"));
    const bool started = submit(
        job, tr("Retrain %1").arg(liveReference),
        [guard, job] {
          if (guard) {
            guard->setBusy(false);
            guard->setComparison(job->result());
          }
        },
        [guard](const QString& problem) {
          if (guard) guard->setBusy(false, problem);
        });
    if (!started) dialog->setBusy(false, tr("Another monitoring job is running; try again when it ends."));
  });
  connect(dialog, &widgets::RetrainDialog::cancelRequested, this, [this] {
    if (job_ != 0) jobs_->cancel(job_);
  });
  const auto decide = [this, dialog](bool promote) {
    try {
      const auto retrainings = monitor::MonitorRepository(document_->project()->db()).retrainings();
      if (retrainings.empty()) return;
      monitor::RetrainJob::decide(document_->project()->db(), retrainings.back().id, promote);
      panel_->setStatus(promote ? tr("The retrained model is in production now; the decision is recorded.")
                                : tr("The live model stays; the retrained one is archived and the decision recorded."));
      emit notice(promote ? tr("Retrained model promoted") : tr("Live model kept"));
      dialog->accept();
    } catch (const Error& e) {
      panel_->setStatus(tr("Could not record the decision: %1").arg(text(e.what())));
      dialog->setBusy(false, tr("Could not record the decision: %1").arg(text(e.what())));
    }
  };
  connect(dialog, &widgets::RetrainDialog::promoteRequested, this, [decide] { decide(true); });
  connect(dialog, &widgets::RetrainDialog::keepRequested, this, [decide] { decide(false); });
  dialog->open();
}

bool MonitorController::submit(std::shared_ptr<jobs::Job> job, const QString& title, std::function<void()> finished,
                               std::function<void(const QString&)> stopped) {
  if (job_ != 0) {
    panel_->setStatus(tr("Another monitoring job is running; try again when it ends."));
    return false;
  }
  panel_->setBusy(true);
  panel_->setStatus(tr("%1…").arg(title));
  const std::weak_ptr<int> alive = alive_;
  auto ended = std::make_shared<bool>(false);
  JobManager::Callbacks callbacks;
  callbacks.finished = [this, alive, ended, finished = std::move(finished)] {
    if (alive.expired()) return;
    *ended = true;
    job_ = 0;
    panel_->setBusy(false);
    finished();
  };
  callbacks.failed = [this, alive, ended, title, stopped](const QString& error) {
    if (alive.expired()) return;
    *ended = true;
    panel_->setStatus(tr("%1 failed: %2").arg(title, error));
    if (stopped) stopped(tr("%1 failed: %2").arg(title, error));
  };
  callbacks.ended = [this, alive, ended, stopped] {
    if (alive.expired()) return;
    if (!*ended) {
      panel_->setStatus(tr("Cancelled; nothing was recorded."));
      if (stopped) stopped(tr("Cancelled; nothing was recorded."));
    }
    job_ = 0;
    panel_->setBusy(false);
  };
  job_ = jobs_->submit(std::move(job), title, std::move(callbacks));
  return true;
}

}  // namespace lathe::app
