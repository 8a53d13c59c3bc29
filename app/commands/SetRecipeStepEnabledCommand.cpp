#include "app/commands/SetRecipeStepEnabledCommand.h"

#include <QCoreApplication>
#include <exception>

#include "app/document/RecipeDocument.h"

namespace lathe::app {

SetRecipeStepEnabledCommand::SetRecipeStepEnabledCommand(RecipeDocument* recipe, int index, bool enabled)
    : QUndoCommand(enabled ? QCoreApplication::translate("SetRecipeStepEnabledCommand", "Enable step %1").arg(index + 1)
                      : QCoreApplication::translate("SetRecipeStepEnabledCommand", "Disable step %1").arg(index + 1)),
      recipe_(recipe),
      versionId_(recipe->versionId()),
      index_(index), enabled_(enabled) {}

template <typename Edit>
void SetRecipeStepEnabledCommand::attempt(Edit&& edit) {
  if (recipe_->versionId() != versionId_) return setObsolete(true);
  try {
    edit();
  } catch (const std::exception&) {
    setObsolete(true);
  }
}

void SetRecipeStepEnabledCommand::undo() {
  attempt([this] { recipe_->setEnabled(index_, !enabled_); });
}

void SetRecipeStepEnabledCommand::redo() {
  attempt([this] { recipe_->setEnabled(index_, enabled_); });
}

}  // namespace lathe::app
