#include "app/commands/DeleteRunCommand.h"

#include <QCoreApplication>

#include "app/document/ProjectDocument.h"

namespace lathe::app {

DeleteRunCommand::DeleteRunCommand(ProjectDocument* document, qint64 runId, const QString& name)
    : ProjectCommand(document, QCoreApplication::translate("DeleteRunCommand", "Delete run “%1”").arg(name)),
      id_(runId) {}

void DeleteRunCommand::undo() {
  attempt([this] { document()->setRunDeleted(id_, false); });
}

void DeleteRunCommand::redo() {
  attempt([this] { document()->setRunDeleted(id_, true); });
}

}  // namespace lathe::app
