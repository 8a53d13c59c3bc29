#include "app/commands/RemoveRecipeStepCommand.h"

#include <QCoreApplication>
#include <exception>

#include "app/document/RecipeDocument.h"
#include "widgets/panels/RecipeStepCatalog.h"

namespace lathe::app {

RemoveRecipeStepCommand::RemoveRecipeStepCommand(RecipeDocument* recipe, int index)
    : QUndoCommand(QCoreApplication::translate("RemoveRecipeStepCommand", "Remove step “%1”").arg(widgets::RecipeStepCatalog::title(recipe->kindAt(index)))),
      recipe_(recipe),
      versionId_(recipe->versionId()),
      index_(index), kind_(recipe->kindAt(index)), parameters_(recipe->parametersAt(index)), enabled_(recipe->enabledAt(index)) {}

template <typename Edit>
void RemoveRecipeStepCommand::attempt(Edit&& edit) {
  if (recipe_->versionId() != versionId_) return setObsolete(true);
  try {
    edit();
  } catch (const std::exception&) {
    setObsolete(true);
  }
}

void RemoveRecipeStepCommand::undo() {
  attempt([this] { recipe_->insertStep(index_, kind_, parameters_, enabled_); });
}

void RemoveRecipeStepCommand::redo() {
  attempt([this] { recipe_->removeStep(index_); });
}

}  // namespace lathe::app
