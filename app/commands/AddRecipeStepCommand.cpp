#include "app/commands/AddRecipeStepCommand.h"

#include <QCoreApplication>
#include <exception>

#include "app/document/RecipeDocument.h"
#include "widgets/panels/RecipeStepCatalog.h"

namespace lathe::app {

AddRecipeStepCommand::AddRecipeStepCommand(RecipeDocument* recipe, int index, std::string kind, nlohmann::json parameters)
    : QUndoCommand(QCoreApplication::translate("AddRecipeStepCommand", "Add step “%1”").arg(widgets::RecipeStepCatalog::title(kind))),
      recipe_(recipe),
      versionId_(recipe->versionId()),
      index_(index), kind_(std::move(kind)), parameters_(std::move(parameters)) {}

template <typename Edit>
void AddRecipeStepCommand::attempt(Edit&& edit) {
  if (recipe_->versionId() != versionId_) return setObsolete(true);
  try {
    edit();
  } catch (const std::exception&) {
    setObsolete(true);
  }
}

void AddRecipeStepCommand::undo() {
  attempt([this] { recipe_->removeStep(index_); });
}

void AddRecipeStepCommand::redo() {
  attempt([this] { recipe_->insertStep(index_, kind_, parameters_); });
}

}  // namespace lathe::app
