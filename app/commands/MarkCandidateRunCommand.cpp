#include "app/commands/MarkCandidateRunCommand.h"

#include <QCoreApplication>

#include "app/document/ProjectDocument.h"

namespace lathe::app {

MarkCandidateRunCommand::MarkCandidateRunCommand(ProjectDocument* document, qint64 runId, const QString& runName,
                                                 bool candidate, qint64 previousCandidate)
    : ProjectCommand(document, candidate ? QCoreApplication::translate("MarkCandidateRunCommand",
                                                                       "Mark run “%1” as the candidate")
                                                 .arg(runName)
                                         : QCoreApplication::translate("MarkCandidateRunCommand",
                                                                       "Unmark run “%1” as the candidate")
                                                 .arg(runName)),
      id_(runId),
      candidate_(candidate),
      previous_(previousCandidate) {}

void MarkCandidateRunCommand::undo() {
  attempt([this] {
    if (previous_ > 0) document()->setRunCandidate(previous_, true);
    else document()->setRunCandidate(id_, !candidate_);
  });
}

void MarkCandidateRunCommand::redo() {
  attempt([this] { document()->setRunCandidate(id_, candidate_); });
}

}  // namespace lathe::app
