#include "app/jobs/JobManager.h"

#include <QRunnable>
#include <QThread>
#include <algorithm>

#include "app/jobs/QtProgressSink.h"
#include "engine/jobs/JobCancelled.h"

namespace lathe::app {

struct JobManager::Entry {
  std::shared_ptr<jobs::Job> job;
  QString title;
  std::stop_source stop;
  QtProgressSink sink;
  QElapsedTimer clock;
  double fraction = 0.0;
  QString message;
  Callbacks callbacks;
};

JobManager::JobManager(QObject* parent) : QObject(parent) {
  // At least two workers even on one core, so a short job is never stuck behind a long one.
  pool_.setMaxThreadCount(std::max(2, QThread::idealThreadCount()));
  progressTimer_.setInterval(kProgressIntervalMs);
  connect(&progressTimer_, &QTimer::timeout, this, &JobManager::pollProgress);
}

JobManager::~JobManager() { shutdown(); }

JobManager::JobId JobManager::submit(std::shared_ptr<jobs::Job> job, const QString& title, Callbacks callbacks) {
  const JobId id = nextId_++;
  auto entry = std::make_shared<Entry>();
  entry->job = std::move(job);
  entry->callbacks = std::move(callbacks);
  entry->title = title.isEmpty() ? QString::fromStdString(entry->job->name()) : title;
  entry->clock.start();
  active_.insert(id, entry);

  // The worker holds the entry, so it outlives a cancel or the manager's bookkeeping.
  pool_.start(QRunnable::create([this, id, entry] {
    Outcome outcome = Outcome::Finished;
    QString error;
    try {
      jobs::JobContext context(entry->stop.get_token(), entry->sink);
      context.throwIfStopped();
      entry->job->run(context);
    } catch (const jobs::JobCancelled&) {
      outcome = Outcome::Cancelled;
    } catch (const std::exception& e) {
      outcome = Outcome::Failed;
      error = QString::fromUtf8(e.what());
    } catch (...) {
      outcome = Outcome::Failed;
      error = tr("unknown error");
    }
    // A stop requested while the job was finishing its last step still counts as done work.
    QMetaObject::invokeMethod(
        this, [this, id, outcome, error] { onJobEnded(id, outcome, error); }, Qt::QueuedConnection);
  }));

  if (!progressTimer_.isActive()) progressTimer_.start();
  emit jobStarted(id, entry->title);
  emit activeJobsChanged();
  return id;
}

void JobManager::cancel(JobId id) {
  if (auto it = active_.find(id); it != active_.end()) (*it)->stop.request_stop();
}

void JobManager::cancelAll() {
  for (auto& entry : active_) entry->stop.request_stop();
}

bool JobManager::shutdown(int msecs) {
  cancelAll();
  const bool stopped = pool_.waitForDone(msecs);
  // Results queued by workers are dropped with this object; nothing else refers to them.
  active_.clear();
  progressTimer_.stop();
  return stopped;
}

QVector<widgets::JobStatus> JobManager::activeJobs() const {
  QVector<widgets::JobStatus> out;
  out.reserve(active_.size());
  for (auto it = active_.cbegin(); it != active_.cend(); ++it)
    out.push_back({it.key(), (*it)->title, (*it)->fraction, (*it)->message});
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.id < b.id; });
  return out;
}

void JobManager::onJobEnded(JobId id, Outcome outcome, const QString& error) {
  const auto entry = active_.take(id);
  if (!entry) return;
  if (active_.isEmpty()) progressTimer_.stop();
  const double seconds = entry->clock.nsecsElapsed() / 1e9;
  switch (outcome) {
    case Outcome::Finished: emit jobFinished(id, entry->title, seconds); break;
    case Outcome::Cancelled: emit jobCancelled(id, entry->title, seconds); break;
    case Outcome::Failed: emit jobFailed(id, entry->title, error, seconds); break;
  }
  emit activeJobsChanged();
  // A callback that throws must not take the event loop down with it: log it as the job's failure.
  try {
    if (outcome == Outcome::Finished && entry->callbacks.finished) entry->callbacks.finished();
    if (outcome == Outcome::Failed && entry->callbacks.failed) entry->callbacks.failed(error);
    if (entry->callbacks.ended) entry->callbacks.ended();
  } catch (const std::exception& e) {
    emit jobFailed(id, entry->title, QString::fromUtf8(e.what()), seconds);
  }
}

void JobManager::pollProgress() {
  bool any = false;
  for (auto it = active_.begin(); it != active_.end(); ++it) {
    Entry& entry = **it;
    if (!entry.sink.take(entry.fraction, entry.message)) continue;
    any = true;
    emit jobProgress(it.key(), entry.fraction, entry.message);
    if (auto points = entry.sink.takePoints(); !points.isEmpty()) emit jobCurvePoints(it.key(), points);
  }
  if (any) emit activeJobsChanged();
}

}  // namespace lathe::app
