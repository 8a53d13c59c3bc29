#pragma once
#include "app/commands/ProjectCommand.h"

namespace lathe::app {

// Marks a run as the project's candidate for deployment (or unmarks it); undo gives the mark
// back to the run that had it before, if any.
class MarkCandidateRunCommand : public ProjectCommand {
 public:
  MarkCandidateRunCommand(ProjectDocument* document, qint64 runId, const QString& runName, bool candidate,
                          qint64 previousCandidate);
  void undo() override;
  void redo() override;

 private:
  qint64 id_;
  bool candidate_;
  qint64 previous_;  // 0: none
};

}  // namespace lathe::app
