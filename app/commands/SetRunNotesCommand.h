#pragma once
#include <QString>

#include "app/commands/ProjectCommand.h"

namespace lathe::app {

// Changes a run's notes. Edits of the same run's notes that follow each other merge into one
// step of the history, so Undo takes back a whole stretch of typing rather than one pause.
class SetRunNotesCommand : public ProjectCommand {
 public:
  SetRunNotesCommand(ProjectDocument* document, qint64 runId, const QString& runName, QString before, QString after);
  void undo() override;
  void redo() override;
  int id() const override { return kId; }
  bool mergeWith(const QUndoCommand* other) override;

 private:
  static constexpr int kId = 0x4e6f7465;  // "Note"
  qint64 runId_;
  QString before_;
  QString after_;
};

}  // namespace lathe::app
