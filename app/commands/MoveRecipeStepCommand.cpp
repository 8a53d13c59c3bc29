#include "app/commands/MoveRecipeStepCommand.h"

#include <QCoreApplication>
#include <exception>

#include "app/document/RecipeDocument.h"

namespace lathe::app {

MoveRecipeStepCommand::MoveRecipeStepCommand(RecipeDocument* recipe, int from, int to)
    : QUndoCommand(QCoreApplication::translate("MoveRecipeStepCommand", "Move step %1 to %2").arg(from + 1).arg(to + 1)),
      recipe_(recipe),
      versionId_(recipe->versionId()),
      from_(from), to_(to) {}

template <typename Edit>
void MoveRecipeStepCommand::attempt(Edit&& edit) {
  if (recipe_->versionId() != versionId_) return setObsolete(true);
  try {
    edit();
  } catch (const std::exception&) {
    setObsolete(true);
  }
}

void MoveRecipeStepCommand::undo() {
  attempt([this] { recipe_->moveStep(to_, from_); });
}

void MoveRecipeStepCommand::redo() {
  attempt([this] { recipe_->moveStep(from_, to_); });
}

}  // namespace lathe::app
