#include "app/commands/SetRunTagsCommand.h"

#include <QCoreApplication>

#include "app/document/ProjectDocument.h"

namespace lathe::app {

SetRunTagsCommand::SetRunTagsCommand(ProjectDocument* document, qint64 runId, const QString& runName,
                                     QStringList before, QStringList after)
    : ProjectCommand(document, QCoreApplication::translate("SetRunTagsCommand", "Tag run “%1”").arg(runName)),
      id_(runId),
      before_(std::move(before)),
      after_(std::move(after)) {}

void SetRunTagsCommand::undo() {
  attempt([this] { document()->setRunTags(id_, before_); });
}

void SetRunTagsCommand::redo() {
  attempt([this] { document()->setRunTags(id_, after_); });
}

}  // namespace lathe::app
