#pragma once
#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QThreadPool>
#include <QTimer>
#include <QVector>
#include <functional>
#include <memory>
#include <stop_token>

#include "app/jobs/QtProgressSink.h"
#include "engine/jobs/Job.h"
#include "widgets/jobs/JobStatus.h"

namespace lathe::app {

class QtProgressSink;

// Runs engine jobs on its own thread pool and reports on the GUI thread: started, progress
// (throttled to ~10 updates a second), finished, cancelled or failed. A job's result stays in the
// Job object; the caller keeps its shared_ptr and reads the result on jobFinished. Cancel
// requests a stop through the job's stop token. Destroying the manager cancels every job and
// waits for the workers, so quitting with jobs running exits cleanly.
class JobManager : public QObject {
  Q_OBJECT
 public:
  using JobId = quint64;

  explicit JobManager(QObject* parent = nullptr);
  ~JobManager() override;

  // What the submitter does with the outcome, on the GUI thread, after the signals below. A
  // callback left empty does nothing; a cancelled job calls neither `finished` nor `failed`;
  // `ended` runs last, whatever the outcome.
  struct Callbacks {
    std::function<void()> finished;
    std::function<void(const QString& error)> failed;
    std::function<void()> ended;
  };

  // title is what the user sees (translated); empty means the job's own name.
  JobId submit(std::shared_ptr<jobs::Job> job, const QString& title = {}, Callbacks callbacks = {});
  void cancel(JobId id);
  void cancelAll();
  // Cancels everything and waits up to msecs for the workers; true if all stopped.
  bool shutdown(int msecs = 30000);

  int activeCount() const { return int(active_.size()); }
  bool isActive(JobId id) const { return active_.contains(id); }
  QVector<widgets::JobStatus> activeJobs() const;
  int maxThreadCount() const { return pool_.maxThreadCount(); }

  static constexpr int kProgressIntervalMs = 100;

 signals:
  void jobStarted(lathe::app::JobManager::JobId id, const QString& title);
  void jobProgress(lathe::app::JobManager::JobId id, double fraction, const QString& message);
  // Live-curve points the job reported since the last poll (see JobContext::point).
  void jobCurvePoints(lathe::app::JobManager::JobId id, const QVector<lathe::app::JobCurvePoint>& points);
  void jobFinished(lathe::app::JobManager::JobId id, const QString& title, double seconds);
  void jobCancelled(lathe::app::JobManager::JobId id, const QString& title, double seconds);
  void jobFailed(lathe::app::JobManager::JobId id, const QString& title, const QString& error,
                 double seconds);
  // Emitted after any of the above changes the set or the progress of running jobs.
  void activeJobsChanged();

 private:
  enum class Outcome { Finished, Cancelled, Failed };
  struct Entry;

  void onJobEnded(JobId id, Outcome outcome, const QString& error);
  void pollProgress();

  QThreadPool pool_;
  QTimer progressTimer_;
  QHash<JobId, std::shared_ptr<Entry>> active_;
  JobId nextId_ = 1;
};

}  // namespace lathe::app
