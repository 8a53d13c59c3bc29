#pragma once
#include "app/commands/ProjectCommand.h"
#include "engine/store/ProjectInfo.h"

namespace lathe::app {

// Any edit of the project's description: its name, description, goal, KPI or decision costs.
// Holds the small before and after structs, like Tiled's generic change-value command.
class EditProjectInfoCommand : public ProjectCommand {
 public:
  EditProjectInfoCommand(ProjectDocument* document, store::ProjectInfo before, store::ProjectInfo after);
  void undo() override;
  void redo() override;

 private:
  store::ProjectInfo before_;
  store::ProjectInfo after_;
};

}  // namespace lathe::app
