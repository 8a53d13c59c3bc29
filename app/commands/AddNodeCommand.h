#pragma once
#include <QPointF>
#include <string>

#include "app/commands/PipelineCommand.h"

namespace lathe::app {

// Adds a node of `type` at `position` (a palette drop); undo removes it, redo puts the same
// node back with the same id.
class AddNodeCommand : public PipelineCommand {
 public:
  AddNodeCommand(PipelineDocument* document, std::string type, const QString& typeTitle, QPointF position,
                 nlohmann::json parameters = nlohmann::json::object());
  void undo() override;
  void redo() override;
  int nodeId() const { return node_.id; }

 private:
  pipeline::GraphNode node_;
};

}  // namespace lathe::app
