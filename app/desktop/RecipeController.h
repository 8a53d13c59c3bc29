#pragma once
#include <QObject>
#include <QString>
#include <memory>

#include <nlohmann/json.hpp>

#include "engine/data/Table.h"

class QUndoCommand;

namespace lathe::widgets {
class RecipePanel;
}

namespace lathe::app {

class JobManager;
class ProjectDocument;
class RecipeDocument;

// Drives the Recipe dock: turns the panel's requests into undo commands on the project's
// stack, previews the recipe on the first 1,000 rows of the shown version after every change
// (on the GUI thread: a few ms), and applies it to all rows as a job that stores a new version.
// Keeps the panel's list of dataset versions (for join and append) in step with the project.
class RecipeController : public QObject {
  Q_OBJECT
 public:
  RecipeController(ProjectDocument* document, JobManager* jobs, widgets::RecipePanel* panel,
                   QObject* parent = nullptr);

  // The version the recipe targets and its table; a new version starts a new, empty recipe.
  // keepEditedNode: a node's editor stays open, and the dataset is where Done goes back to.
  void setSource(std::shared_ptr<const data::Table> table, qint64 versionId, bool keepEditedNode = false);
  qint64 sourceVersionId() const { return versionId_; }
  RecipeDocument* recipe() const { return recipe_; }
  // The last successful preview (null before one, or after a failed one).
  const std::shared_ptr<const data::Table>& preview() const { return preview_; }
  bool isApplying() const { return applying_; }

  // What the panel's signals do; public so the window's menus can do the same.
  void addStep(const std::string& kind, const nlohmann::json& parameters);
  void apply();

  // Node editing: the dock edits a pipeline Recipe node's steps on the table reaching the node
  // (`input`, may be null). Each edit is emitted as nodeStepsEdited for the owner of the
  // pipeline to push as one undoable change of the node; the owner calls showNodeSteps when the
  // node changes (undo). Done in the banner, or another dataset shown, ends it.
  void editNode(int nodeId, const QString& title, std::shared_ptr<const data::Table> input,
                const nlohmann::json& steps);
  int editedNode() const { return nodeId_; }
  void showNodeSteps(const nlohmann::json& steps);
  // The steps the dock shows for the node ([] when not editing one).
  nlohmann::json nodeSteps() const;
  // Back to the shown dataset and its own recipe.
  void leaveNode();

 signals:
  // A new preview for the Data dock.
  void previewReady(std::shared_ptr<const lathe::data::Table> table, const QString& title);
  // The recipe has no enabled step left: the Data dock shows the dataset itself again.
  void previewCleared();
  // Apply stored a new version.
  void applied(std::shared_ptr<const lathe::data::Table> table, qint64 versionId);
  // A node's recipe was edited (`action` names the edit, as an undo command's text).
  void nodeStepsEdited(int nodeId, const QString& action, const nlohmann::json& before, const nlohmann::json& after);
  void nodeEditingEnded(int nodeId);

 private:
  // The view-state key of the recipe being edited on a version.
  static QString draftKey(qint64 versionId);
  // The project's dataset versions, as the panel's dataset pickers offer them.
  void refreshDatasets();
  // For a new join or append: the latest version of another dataset, else another version of
  // this one, else this version.
  qint64 defaultOtherVersion() const;
  void refresh();
  void runPreview();
  // Onto the undo stack, or into the edited node.
  void push(QUndoCommand* command);
  // Whether the engine accepts the parameters; if not, says why in the panel (on step `index`).
  bool check(const std::string& kind, const nlohmann::json& parameters, const QString& action, int index);

  ProjectDocument* document_;
  JobManager* jobs_;
  widgets::RecipePanel* panel_;
  RecipeDocument* recipe_;
  std::shared_ptr<const data::Table> source_;
  std::shared_ptr<const data::Table> preview_;
  qint64 versionId_ = 0;
  int nodeId_ = 0;  // the Recipe node being edited, 0 for none
  QString nodeTitle_;
  std::shared_ptr<const data::Table> datasetSource_;  // what the dock showed before the node
  qint64 datasetVersionId_ = 0;
  bool applying_ = false;
  std::shared_ptr<int> alive_ = std::make_shared<int>(0);  // expires with the controller
};

}  // namespace lathe::app
