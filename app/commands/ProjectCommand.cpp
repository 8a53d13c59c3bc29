#include "app/commands/ProjectCommand.h"

#include <exception>

#include "app/document/ProjectDocument.h"

namespace lathe::app {

ProjectCommand::ProjectCommand(ProjectDocument* document, const QString& text) : document_(document) {
  setText(text);
}

void ProjectCommand::attempt(const std::function<void()>& edit) {
  try {
    edit();
  } catch (const std::exception& e) {
    // Out of memory or a bug: still never let an exception leave undo() or redo().
    setObsolete(true);
    document_->reportFailure(text(), QString::fromUtf8(e.what()));
  }
}

}  // namespace lathe::app
