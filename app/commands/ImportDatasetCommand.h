#pragma once
#include "app/commands/ProjectCommand.h"

namespace lathe::app {

// Records an import that a job has already stored: the first redo does nothing, undo hides the
// new dataset and redo shows it again. The stored columns stay in the file either way.
class ImportDatasetCommand : public ProjectCommand {
 public:
  ImportDatasetCommand(ProjectDocument* document, qint64 datasetId, const QString& name);
  void undo() override;
  void redo() override;

 private:
  qint64 id_;
  bool stored_ = true;  // the job has written it; nothing to redo the first time
};

}  // namespace lathe::app
