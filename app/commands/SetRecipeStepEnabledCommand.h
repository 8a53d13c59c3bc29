#pragma once
#include <QUndoCommand>
#include <string>

#include <nlohmann/json.hpp>

namespace lathe::app {

class RecipeDocument;

// Switches step `index` on or off without losing it.
// On the project's undo stack; does nothing once the recipe panel shows another dataset version.
class SetRecipeStepEnabledCommand : public QUndoCommand {
 public:
  SetRecipeStepEnabledCommand(RecipeDocument* recipe, int index, bool enabled);
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
  bool enabled_;
};

}  // namespace lathe::app
