#pragma once
#include "app/commands/ProjectCommand.h"

namespace lathe::app {

class RenameDatasetCommand : public ProjectCommand {
 public:
  RenameDatasetCommand(ProjectDocument* document, qint64 datasetId, QString before, QString after);
  void undo() override;
  void redo() override;

 private:
  qint64 id_;
  QString before_;
  QString after_;
};

}  // namespace lathe::app
