#include "app/commands/ProjectCommand.h"

#include "app/document/ProjectDocument.h"
#include "engine/core/Error.h"

namespace lathe::app {

ProjectCommand::ProjectCommand(ProjectDocument* document, const QString& text) : document_(document) {
  setText(text);
}

void ProjectCommand::attempt(const std::function<void()>& edit) {
  try {
    edit();
  } catch (const Error& e) {
    setObsolete(true);
    document_->reportFailure(text(), QString::fromUtf8(e.what()));
  }
}

}  // namespace lathe::app
