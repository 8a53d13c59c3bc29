#include "app/commands/RenameDatasetCommand.h"

#include <QCoreApplication>

#include "app/document/ProjectDocument.h"

namespace lathe::app {

RenameDatasetCommand::RenameDatasetCommand(ProjectDocument* document, qint64 datasetId, QString before, QString after)
    : ProjectCommand(document, QCoreApplication::translate("RenameDatasetCommand", "Rename dataset “%1” to “%2”")
                                   .arg(before, after)),
      id_(datasetId),
      before_(std::move(before)),
      after_(std::move(after)) {}

void RenameDatasetCommand::undo() {
  attempt([this] { document()->renameDataset(id_, before_); });
}

void RenameDatasetCommand::redo() {
  attempt([this] { document()->renameDataset(id_, after_); });
}

}  // namespace lathe::app
