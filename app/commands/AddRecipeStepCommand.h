#pragma once
#include <QUndoCommand>
#include <string>

#include <nlohmann/json.hpp>

namespace lathe::app {

class RecipeDocument;

// Adds a step at `index` (the end of the recipe, usually).
// On the project's undo stack; does nothing once the recipe panel shows another dataset version.
class AddRecipeStepCommand : public QUndoCommand {
 public:
  AddRecipeStepCommand(RecipeDocument* recipe, int index, std::string kind, nlohmann::json parameters);
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
  std::string kind_;
  nlohmann::json parameters_;
};

}  // namespace lathe::app
