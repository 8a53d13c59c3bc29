#pragma once
#include <QWidget>
#include <cstdint>
#include <map>
#include <memory>
#include <vector>

#include "engine/monitor/BaselineInfo.h"
#include "engine/monitor/FeatureConstraint.h"
#include "engine/monitor/MonitorRunRecord.h"
#include "engine/monitor/MonitorSchedule.h"

class QAction;
class QComboBox;
class QLabel;
class QStackedWidget;

namespace lathe::widgets {

class EmptyStatePanel;
class MonitorRunView;

// The Monitor view: the schedules that compare new data with a baseline, and for the chosen one
// its runs (MonitorRunView: alert banner, run selector, drift table with sparklines, and tabs for
// the distribution, violations, model quality, bias and attributions). Until there is something
// to show, it says what to do next: create a baseline, then a schedule, then run it. Fed plain
// engine structs; every action is a signal the app carries out (it runs the jobs and feeds the
// results back).
class MonitorPanel : public QWidget {
  Q_OBJECT
 public:
  enum class State { NoBaseline, NoSchedule, NoRuns, Runs };

  explicit MonitorPanel(QWidget* parent = nullptr);

  // The selection stays on the same schedule id when it is still listed, else moves to the
  // first. A change of the selected schedule (by the user or by a new list) emits
  // scheduleSelected(), so the app can load its history.
  void setSchedules(std::vector<monitor::MonitorSchedule> schedules);
  void setBaselines(std::vector<monitor::BaselineInfo> baselines);
  // A schedule's runs, oldest first; the newest is shown. Kept per schedule: switching back
  // shows them again at once.
  void setHistory(std::int64_t scheduleId, std::vector<monitor::MonitorRunRecord> runsOldestFirst);
  // The constraints of the selected schedule's baseline: their PSI thresholds draw in the
  // sparklines (without them, the thresholds the alerts name are used).
  void setConstraints(const std::vector<monitor::FeatureConstraint>& constraints);
  // A run is going: Run Now is off and "Running…" shows beside it.
  void setBusy(bool running);
  // What the last action did or why it failed, in a line under the view ("" hides it).
  void setStatus(const QString& text);
  QString statusText() const;
  // The project's KPI metric, charted when a run's quality names none.
  void setKpiName(const QString& metric);

  void selectSchedule(std::int64_t scheduleId);
  std::int64_t currentScheduleId() const { return current_; }
  bool isBusy() const { return busy_; }
  State state() const;
  // The sentence of the empty state shown; empty while runs show.
  QString emptyStateText() const;

  MonitorRunView* runView() const { return runView_; }
  QComboBox* scheduleSelector() const { return schedules_; }
  QLabel* runningLabel() const { return running_; }

 signals:
  void scheduleSelected(std::int64_t scheduleId);
  void runNowRequested(std::int64_t scheduleId);
  void newScheduleRequested();
  void editScheduleRequested(std::int64_t scheduleId);
  void newBaselineRequested();
  void editConstraintsRequested(std::int64_t baselineId);
  void compareFileRequested();
  void retrainRequested(std::int64_t scheduleId);

 protected:
  void changeEvent(QEvent* event) override;

 private:
  void fillSchedules();
  void onScheduleChanged();
  void showHistory();
  void updateState();
  void updateActions();
  void retranslate();
  const monitor::MonitorSchedule* currentSchedule() const;
  bool hasRuns() const;
  std::int64_t constraintsBaselineId() const;

  std::vector<monitor::MonitorSchedule> scheduleList_;
  std::vector<monitor::BaselineInfo> baselines_;
  std::map<std::int64_t, std::shared_ptr<const std::vector<monitor::MonitorRunRecord>>> histories_;
  std::int64_t current_ = 0;
  bool busy_ = false;

  QAction* runNow_;
  QAction* newSchedule_;
  QAction* editSchedule_;
  QAction* newBaseline_;
  QAction* editConstraints_;
  QAction* compareFile_;
  QAction* retrain_;
  QLabel* scheduleLabel_;
  QComboBox* schedules_;
  QLabel* running_;
  QAction* runningAction_ = nullptr;
  QStackedWidget* stack_;
  EmptyStatePanel* noBaseline_;
  EmptyStatePanel* noSchedule_;
  EmptyStatePanel* noRuns_;
  MonitorRunView* runView_;
  QLabel* status_ = nullptr;
};

}  // namespace lathe::widgets
