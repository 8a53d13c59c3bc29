#include "app/commands/DeleteDatasetCommand.h"

#include <QCoreApplication>

#include "app/document/ProjectDocument.h"

namespace lathe::app {

DeleteDatasetCommand::DeleteDatasetCommand(ProjectDocument* document, qint64 datasetId, const QString& name)
    : ProjectCommand(document, QCoreApplication::translate("DeleteDatasetCommand", "Delete dataset “%1”").arg(name)),
      id_(datasetId) {}

void DeleteDatasetCommand::undo() {
  attempt([this] { document()->setDatasetDeleted(id_, false); });
}

void DeleteDatasetCommand::redo() {
  attempt([this] { document()->setDatasetDeleted(id_, true); });
}

}  // namespace lathe::app
