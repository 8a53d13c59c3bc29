#pragma once
#include <QObject>
#include <functional>
#include <memory>

#include <nlohmann/json.hpp>

#include "app/jobs/JobManager.h"
#include "engine/data/Table.h"
#include "widgets/tuning/TuningSettings.h"

class QTimer;

namespace lathe::widgets {
class TuningPanel;
}

namespace lathe::app {

class ProjectDocument;

// Drives the Tuning dock: runs a TuneJob or an AutoMlJob on the chosen dataset version when the
// user clicks Start (or AutoML on a dataset), follows it live (the trials it stores are read
// back after each batch, at most twice a second), lists the project's searches and shows the
// chosen one, and resumes a stopped tuning. While it edits a pipeline's Tune or AutoML node the
// form holds the node's parameters; Apply to node and Done go out as signals like the training
// panel's, and whoever owns the pipeline saves nodeParameters().
class TuningController : public QObject {
  Q_OBJECT
 public:
  TuningController(ProjectDocument* document, JobManager* jobs, widgets::TuningPanel* panel, QObject* parent = nullptr);

  // The dataset version the Data dock shows (null: none) and its rows.
  // keepEditedNode: a node's editor stays open, and the dataset is where Done goes back to.
  void setSource(std::shared_ptr<const data::Table> table, qint64 versionId, bool keepEditedNode = false);
  // The one-button AutoML on the shown dataset: AutoML mode, the target `suggestedTarget` when
  // it is a column (else the form's), and started at once. False (and why, in the panel) when
  // it cannot start.
  bool startAutoMl(const QString& suggestedTarget = {});
  void start();
  void resume(qint64 tuningId);
  bool isRunning() const { return job_ != 0; }
  void cancel();
  // Shows a stored search in the results.
  void showSearch(qint64 tuningId);
  // The search a running job writes to (0 before it has stored its record, or when idle).
  qint64 runningSearch() const;

  // Node editing (see the class comment). `automl` picks the AutoML node's parameters.
  void editNode(int nodeId, const QString& title, bool automl, std::shared_ptr<const data::Table> input,
                const nlohmann::json& parameters);
  int editedNode() const { return nodeId_; }
  nlohmann::json nodeParameters() const;
  bool nodeChanged() const;
  void nodeApplied(const nlohmann::json& parameters);
  void showNodeParameters(const nlohmann::json& parameters);
  void leaveNode();

 signals:
  void runRequested(qint64 runId);
  void datasetRequested(qint64 versionId);
  // A search ended (finished, failed or cancelled) and its trials are in the project.
  void searchEnded(qint64 tuningId);
  void nodeApplyRequested(int nodeId);
  void nodeEditingEnded(int nodeId);

 private:
  void refreshDatasets();
  void refreshSearches(qint64 show);
  void followRunning();
  void submit(std::shared_ptr<jobs::Job> job, const QString& title, std::function<qint64()> tuningId,
              std::function<QString()> summary);
  static widgets::TuningSettings settingsOf(const nlohmann::json& parameters, bool automl);

  ProjectDocument* document_;
  JobManager* jobs_;
  widgets::TuningPanel* panel_;
  QTimer* follow_;
  std::shared_ptr<const data::Table> table_;
  qint64 versionId_ = 0;
  JobManager::JobId job_ = 0;
  std::function<qint64()> runningId_;
  int nodeId_ = 0;
  bool nodeAutoMl_ = false;
  QString nodeTitle_;
  std::shared_ptr<const data::Table> nodeTable_;
  nlohmann::json nodeParameters_;
  nlohmann::json shownParameters_;
  widgets::TuningSettings beforeNode_;  // the form's choices for datasets, back after node editing
  std::shared_ptr<int> alive_ = std::make_shared<int>(0);
};

}  // namespace lathe::app
