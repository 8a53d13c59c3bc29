#include "app/commands/ImportDatasetCommand.h"

#include <QCoreApplication>
#include <utility>

#include "app/document/ProjectDocument.h"

namespace lathe::app {

ImportDatasetCommand::ImportDatasetCommand(ProjectDocument* document, qint64 datasetId, const QString& name)
    : ProjectCommand(document, QCoreApplication::translate("ImportDatasetCommand", "Import “%1”").arg(name)),
      id_(datasetId) {}

void ImportDatasetCommand::undo() {
  attempt([this] { document()->setDatasetDeleted(id_, true); });
}

void ImportDatasetCommand::redo() {
  if (std::exchange(stored_, false)) return;
  attempt([this] { document()->setDatasetDeleted(id_, false); });
}

}  // namespace lathe::app
