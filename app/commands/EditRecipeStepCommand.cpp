#include "app/commands/EditRecipeStepCommand.h"

#include <QCoreApplication>
#include <exception>

#include "app/document/RecipeDocument.h"
#include "widgets/panels/RecipeStepCatalog.h"

namespace lathe::app {

EditRecipeStepCommand::EditRecipeStepCommand(RecipeDocument* recipe, int index, nlohmann::json after)
    : QUndoCommand(QCoreApplication::translate("EditRecipeStepCommand", "Edit step “%1”").arg(widgets::RecipeStepCatalog::title(recipe->kindAt(index)))),
      recipe_(recipe),
      versionId_(recipe->versionId()),
      index_(index), before_(recipe->parametersAt(index)), after_(std::move(after)) {}

template <typename Edit>
void EditRecipeStepCommand::attempt(Edit&& edit) {
  if (recipe_->versionId() != versionId_) return setObsolete(true);
  try {
    edit();
  } catch (const std::exception&) {
    setObsolete(true);
  }
}

void EditRecipeStepCommand::undo() {
  attempt([this] { recipe_->setParameters(index_, before_); });
}

void EditRecipeStepCommand::redo() {
  attempt([this] { recipe_->setParameters(index_, after_); });
}

}  // namespace lathe::app
