#pragma once
#include <QUndoCommand>
#include <functional>

namespace lathe::app {

class ProjectDocument;

// The base of every undoable edit of a project. Each one wraps a small engine operation on the
// project (one transaction), never a snapshot of a table. If the operation fails (a full disk, a
// read-only file), the failure is reported and the command removes itself from the stack, so
// the history never claims what the file does not hold.
class ProjectCommand : public QUndoCommand {
 public:
  ProjectCommand(ProjectDocument* document, const QString& text);

 protected:
  // Runs `edit`; on an exception reports it and marks this command obsolete.
  void attempt(const std::function<void()>& edit);
  ProjectDocument* document() const { return document_; }

 private:
  ProjectDocument* document_;
};

}  // namespace lathe::app
