#pragma once
#include <QObject>
#include <QPointer>
#include <QDateTime>
#include <QString>
#include <functional>
#include <map>
#include <memory>

#include "app/jobs/JobManager.h"
#include "engine/monitor/MonitorSchedule.h"

class QTimer;
class QWidget;

namespace lathe::widgets {
class MonitorPanel;
class RetrainDialog;
}

namespace lathe::app {

class ProjectDocument;

// Drives the Monitor dock: the project's baselines and schedules, each schedule's runs (read
// when it is chosen), and every action as a job with progress in the status bar: New Baseline…,
// Run Now, Compare a File… (a run by hand, not kept with the schedule), and the retraining loop
// (RetrainDialog: retrain, then promote or keep). While the project is open, a minute's timer
// runs the enabled schedules that are due, one at a time, as `lathe monitor` does from cron.
class MonitorController : public QObject {
  Q_OBJECT
 public:
  MonitorController(ProjectDocument* document, JobManager* jobs, widgets::MonitorPanel* panel, QWidget* dialogParent,
                    QObject* parent = nullptr);
  ~MonitorController() override;

  void refresh();
  void showSchedule(std::int64_t scheduleId);

  // The actions, with their choices given (the dialogs' or a test's). False when they cannot start.
  bool createBaseline(const QString& name, const QString& dataset, const QString& model, const QString& sensitive);
  bool saveSchedule(const monitor::MonitorSchedule& schedule);
  bool runSchedule(std::int64_t scheduleId);
  bool compareFile(std::int64_t scheduleId, const QString& path);
  // Runs the due schedules (the timer's tick); returns how many it started (0 or 1: one at a time).
  int runDueSchedules();
  bool isRunning() const { return job_ != 0; }

 signals:
  // A run raised alerts: the window may bring the dock forward.
  void alerted(const QString& scheduleName, int alerts);
  void notice(const QString& text);

 private:
  void askBaseline();
  void askSchedule(std::int64_t scheduleId);
  void askConstraints(std::int64_t baselineId);
  void askCompare();
  void askRetrain(std::int64_t scheduleId);
  // Runs `job` with the panel's busy state; `finished` reads its result on the GUI thread and
  // `stopped` hears why it ended otherwise (failed or cancelled).
  bool submit(std::shared_ptr<jobs::Job> job, const QString& title, std::function<void()> finished,
              std::function<void(const QString&)> stopped = {});

  ProjectDocument* document_;
  JobManager* jobs_;
  widgets::MonitorPanel* panel_;
  QPointer<QWidget> dialogParent_;
  QTimer* tick_;
  JobManager::JobId job_ = 0;
  // When a schedule's run last failed or was cancelled: the timer leaves it for its interval
  // instead of trying (and failing) again every minute. Run Now still runs it.
  std::map<std::int64_t, QDateTime> stoppedAt_;
  std::shared_ptr<int> alive_ = std::make_shared<int>(0);
};

}  // namespace lathe::app
