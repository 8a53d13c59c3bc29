#pragma once
#include <QObject>
#include <memory>

#include "app/jobs/JobManager.h"
#include "engine/data/Table.h"

namespace lathe::widgets {
class TrainingPanel;
}

namespace lathe::app {

class ProjectDocument;

// Drives the Training dock: offers the project's dataset versions and the shown version's
// columns, detects the problem type when the target changes, and runs a TrainModelJob on a worker
// thread when the user clicks Train: progress, the live curve and Cancel go to the panel, and the
// stored run shows in the Experiments dock (the document's contentChanged).
class TrainingController : public QObject {
  Q_OBJECT
 public:
  TrainingController(ProjectDocument* document, JobManager* jobs, widgets::TrainingPanel* panel,
                     QObject* parent = nullptr);

  // The dataset version the Data dock shows (null: none) and its table.
  void setSource(std::shared_ptr<const data::Table> table, qint64 versionId);
  void train();
  bool isTraining() const { return job_ != 0; }

 signals:
  // A run was stored (its id).
  void trained(qint64 runId);
  // The user picked another dataset version to train on: the window should show it.
  void datasetRequested(qint64 versionId);

 private:
  void refreshDatasets();
  void detectTask();

  ProjectDocument* document_;
  JobManager* jobs_;
  widgets::TrainingPanel* panel_;
  std::shared_ptr<const data::Table> table_;  // the shown version's rows
  qint64 versionId_ = 0;
  JobManager::JobId job_ = 0;
  std::shared_ptr<int> alive_ = std::make_shared<int>(0);
};

}  // namespace lathe::app
