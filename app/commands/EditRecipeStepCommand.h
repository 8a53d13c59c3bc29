#pragma once
#include <QUndoCommand>
#include <string>

#include <nlohmann/json.hpp>

namespace lathe::app {

class RecipeDocument;

// Replaces the parameters of step `index` (the step is rebuilt, its fitted state dropped).
// On the project's undo stack; does nothing once the recipe panel shows another dataset version.
class EditRecipeStepCommand : public QUndoCommand {
 public:
  EditRecipeStepCommand(RecipeDocument* recipe, int index, nlohmann::json after);
  void undo() override;
  void redo() override;

 private:
  // Runs `edit` if the recipe is still the one this command was made for; a failure (which the
  // controller's checks make unlikely) takes the command off the stack.
  template <typename Edit>
  void attempt(Edit&& edit);

  RecipeDocument* recipe_;
  qint64 versionId_;
  int index_;
  nlohmann::json before_;
  nlohmann::json after_;
};

}  // namespace lathe::app
