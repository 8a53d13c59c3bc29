#pragma once
#include <QObject>
#include <memory>

#include <nlohmann/json.hpp>

#include "engine/data/Table.h"

namespace lathe::app {

class PipelineController;
class RecipeController;
class TrainingController;
class TuningController;

// Double-clicking a Recipe node opens the data wrangler on it, a Train node the training panel,
// a Tune or AutoML node the tuning panel: each dock is fed the table reaching the node (run first
// when it is not current) and the node's parameters, and what the user changes there goes back
// to the node as undoable SetNodeParametersCommands. A Recipe edit is saved as it is made; the
// training and tuning panels' choices on Apply to node or Done. When the node changes on the canvas (undo) the dock follows; when it
// is deleted, or another pipeline opens, the dock goes back to its dataset.
class PipelineNodeEditors : public QObject {
  Q_OBJECT
 public:
  PipelineNodeEditors(PipelineController* pipeline, RecipeController* recipes, TrainingController* training,
                      TuningController* tuning, QObject* parent = nullptr);

  // What a double-click does; public so a test or a menu can ask the same.
  void edit(int nodeId, const QString& type);
  // True while a dock shows a node instead of its dataset.
  bool editing() const;

 signals:
  // The dock now shows the node: the window brings it forward.
  void recipeEditorOpened();
  void trainingEditorOpened();
  void tuningEditorOpened();
  // A sentence for the status bar (why the node kept its settings).
  void notice(const QString& text);

 private:
  void open(int nodeId, const QString& type, std::shared_ptr<const data::Table> input);
  void saveTraining(int nodeId);
  void saveTuning(int nodeId);
  void followGraph();
  void push(int nodeId, const QString& text, const nlohmann::json& after);

  PipelineController* pipeline_;
  RecipeController* recipes_;
  TrainingController* training_;
  TuningController* tuning_;
};

}  // namespace lathe::app
