#pragma once
#include "app/commands/ProjectCommand.h"

namespace lathe::app {

// Deleting hides the run and keeps its data in the project, so undo brings it back whole.
class DeleteRunCommand : public ProjectCommand {
 public:
  DeleteRunCommand(ProjectDocument* document, qint64 runId, const QString& name);
  void undo() override;
  void redo() override;

 private:
  qint64 id_;
};

}  // namespace lathe::app
