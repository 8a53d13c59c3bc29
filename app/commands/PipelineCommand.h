#pragma once
#include <QUndoCommand>
#include <functional>

#include "engine/pipeline/Graph.h"

namespace lathe::app {

class PipelineDocument;

// The base of the canvas's undoable edits. Each changes the pipeline's Graph through
// PipelineDocument::edit (saved at once), never the graphics items, which follow the graph.
// An edit that fails (a read-only project, a full disk) is reported and the command leaves the
// stack, so the history never claims what the file does not hold.
class PipelineCommand : public QUndoCommand {
 public:
  PipelineCommand(PipelineDocument* document, const QString& text);

 protected:
  // Runs `change` on the graph through the document; on an exception reports it and marks
  // this command obsolete.
  void attempt(const std::function<void(pipeline::Graph&)>& change);
  PipelineDocument* document() const { return document_; }

 private:
  PipelineDocument* document_;
};

}  // namespace lathe::app
