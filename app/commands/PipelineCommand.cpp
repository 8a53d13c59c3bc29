#include "app/commands/PipelineCommand.h"

#include <exception>

#include "app/document/PipelineDocument.h"
#include "app/document/ProjectDocument.h"

namespace lathe::app {

PipelineCommand::PipelineCommand(PipelineDocument* document, const QString& text) : document_(document) {
  setText(text);
}

void PipelineCommand::attempt(const std::function<void(pipeline::Graph&)>& change) {
  try {
    document_->edit(change);
  } catch (const std::exception& e) {
    setObsolete(true);
    document_->project()->reportFailure(text(), QString::fromUtf8(e.what()));
  }
}

}  // namespace lathe::app
