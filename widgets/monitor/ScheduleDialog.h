#pragma once
#include <QDialog>
#include <QStringList>
#include <vector>

#include "engine/monitor/BaselineInfo.h"
#include "engine/monitor/MonitorSchedule.h"

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QSpinBox;
class QStackedWidget;

namespace lathe::widgets {

// A new monitoring schedule, or an existing one to change: its name, the baseline, where each
// run's batch comes from (a file read again at every run, a project dataset, or an endpoint's
// request log over the last hours), the model to watch, the file the true labels arrive in and
// the key that joins them, the sensitive attribute bias is measured on, and how often it runs.
// Fed lists of names; OK checks the fields and names the first problem instead of closing.
class ScheduleDialog : public QDialog {
  Q_OBJECT
 public:
  explicit ScheduleDialog(QWidget* parent = nullptr);

  void setBaselines(const std::vector<monitor::BaselineInfo>& baselines);
  void setDatasets(const QStringList& names);
  void setEndpoints(const QStringList& names);
  // Registered models, as "name", "name:3" or "name:production"; the field also takes others.
  void setModels(const QStringList& references);
  // The chosen baseline's features: the choices of the sensitive attribute and the key column.
  void setFeatureNames(const QStringList& names);
  // Edits `schedule` (its id and last run are kept); set the lists first.
  void setSchedule(const monitor::MonitorSchedule& schedule);

  monitor::MonitorSchedule schedule() const;
  // The first problem in words; empty when the schedule can be saved.
  QString validate() const;
  QString errorText() const;

  void accept() override;

 signals:
  // The baseline changed: the app may answer with setFeatureNames() for it.
  void baselineChosen(std::int64_t baselineId);

 private:
  void browseBatchFile();
  void browseLabelsFile();
  int intervalMinutes() const;

  monitor::MonitorSchedule original_;
  QLineEdit* name_;
  QComboBox* baseline_;
  QComboBox* sourceKind_;
  QStackedWidget* sourcePages_;
  QLineEdit* file_;
  QComboBox* dataset_;
  QComboBox* endpoint_;
  QDoubleSpinBox* windowHours_;
  QComboBox* model_;
  QLineEdit* labels_;
  QComboBox* keyColumn_;
  QComboBox* sensitive_;
  QSpinBox* interval_;
  QComboBox* intervalUnit_;
  QCheckBox* enabled_;
  QLabel* error_;
};

}  // namespace lathe::widgets
