#include "app/commands/RenameRunCommand.h"

#include <QCoreApplication>

#include "app/document/ProjectDocument.h"

namespace lathe::app {

RenameRunCommand::RenameRunCommand(ProjectDocument* document, qint64 runId, QString before, QString after)
    : ProjectCommand(document,
                     QCoreApplication::translate("RenameRunCommand", "Rename run “%1” to “%2”").arg(before, after)),
      id_(runId),
      before_(std::move(before)),
      after_(std::move(after)) {}

void RenameRunCommand::undo() {
  attempt([this] { document()->renameRun(id_, before_); });
}

void RenameRunCommand::redo() {
  attempt([this] { document()->renameRun(id_, after_); });
}

}  // namespace lathe::app
