#pragma once
#include <QObject>
#include <memory>

#include <nlohmann/json.hpp>

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
  // keepEditedNode: a node's editor stays open, and the dataset is where Done goes back to.
  void setSource(std::shared_ptr<const data::Table> table, qint64 versionId, bool keepEditedNode = false);
  void train();
  bool isTraining() const { return job_ != 0; }

  // Node editing: the panel shows a pipeline Train node's choices, its columns those of the
  // table reaching the node (`input`, may be null). Apply to node and Done in the panel's banner
  // emit nodeApplyRequested and nodeEditingEnded; whoever owns the pipeline saves
  // nodeParameters() and calls nodeApplied. Showing another dataset (setSource) ends it too.
  void editNode(int nodeId, const QString& title, std::shared_ptr<const data::Table> input,
                const nlohmann::json& parameters);
  int editedNode() const { return nodeId_; }
  // The node's parameters with what the panel shows (its other keys kept).
  nlohmann::json nodeParameters() const;
  // Whether the panel shows something other than what the node last held.
  bool nodeChanged() const;
  // Why the shown choices cannot be saved (a field that does not parse), else empty.
  QString nodeProblem() const;
  void nodeApplied(const nlohmann::json& parameters);
  // The node changed outside the panel (undo): shows its parameters, if they differ.
  void showNodeParameters(const nlohmann::json& parameters);
  // Back to the shown dataset.
  void leaveNode();

 signals:
  // A run was stored (its id).
  void trained(qint64 runId);
  // The user picked another dataset version to train on: the window should show it.
  void datasetRequested(qint64 versionId);
  void nodeApplyRequested(int nodeId);
  void nodeEditingEnded(int nodeId);

 private:
  void refreshDatasets();
  void detectTask();
  void showSource();

  ProjectDocument* document_;
  JobManager* jobs_;
  widgets::TrainingPanel* panel_;
  std::shared_ptr<const data::Table> table_;  // the shown version's rows
  qint64 versionId_ = 0;
  JobManager::JobId job_ = 0;
  int nodeId_ = 0;  // the Train node being edited, 0 for none
  QString nodeTitle_;
  std::shared_ptr<const data::Table> nodeTable_;
  nlohmann::json nodeParameters_;
  nlohmann::json shownParameters_;
  std::shared_ptr<int> alive_ = std::make_shared<int>(0);
};

}  // namespace lathe::app
