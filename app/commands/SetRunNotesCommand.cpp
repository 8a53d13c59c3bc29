#include "app/commands/SetRunNotesCommand.h"

#include <QCoreApplication>

#include "app/document/ProjectDocument.h"

namespace lathe::app {

SetRunNotesCommand::SetRunNotesCommand(ProjectDocument* document, qint64 runId, const QString& runName, QString before,
                                       QString after)
    : ProjectCommand(document, QCoreApplication::translate("SetRunNotesCommand", "Edit notes of run “%1”").arg(runName)),
      runId_(runId),
      before_(std::move(before)),
      after_(std::move(after)) {}

void SetRunNotesCommand::undo() {
  attempt([this] { document()->setRunNotes(runId_, before_); });
}

void SetRunNotesCommand::redo() {
  attempt([this] { document()->setRunNotes(runId_, after_); });
}

bool SetRunNotesCommand::mergeWith(const QUndoCommand* other) {
  const auto* next = static_cast<const SetRunNotesCommand*>(other);  // same id(): same class
  if (next->runId_ != runId_ || next->isObsolete()) return false;
  after_ = next->after_;
  setObsolete(after_ == before_);
  return true;
}

}  // namespace lathe::app
