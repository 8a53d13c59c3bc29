#pragma once
#include "app/commands/ProjectCommand.h"

namespace lathe::app {

// Deleting hides the dataset and keeps its data in the project, so undo brings it back whole.
class DeleteDatasetCommand : public ProjectCommand {
 public:
  DeleteDatasetCommand(ProjectDocument* document, qint64 datasetId, const QString& name);
  void undo() override;
  void redo() override;

 private:
  qint64 id_;
};

}  // namespace lathe::app
