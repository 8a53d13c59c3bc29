#pragma once
#include <QUndoCommand>
#include <string>

#include <nlohmann/json.hpp>

namespace lathe::app {

class RecipeDocument;

// Moves step `from` to position `to`.
// On the project's undo stack; does nothing once the recipe panel shows another dataset version.
class MoveRecipeStepCommand : public QUndoCommand {
 public:
  MoveRecipeStepCommand(RecipeDocument* recipe, int from, int to);
  void undo() override;
  void redo() override;

 private:
  // Runs `edit` if the recipe is still the one this command was made for; a failure (which the
  // controller's checks make unlikely) takes the command off the stack.
  template <typename Edit>
  void attempt(Edit&& edit);

  RecipeDocument* recipe_;
  qint64 versionId_;
  int from_;
  int to_;
};

}  // namespace lathe::app
