#pragma once
#include "app/commands/ProjectCommand.h"

namespace lathe::app {

class RenameRunCommand : public ProjectCommand {
 public:
  RenameRunCommand(ProjectDocument* document, qint64 runId, QString before, QString after);
  void undo() override;
  void redo() override;

 private:
  qint64 id_;
  QString before_;
  QString after_;
};

}  // namespace lathe::app
