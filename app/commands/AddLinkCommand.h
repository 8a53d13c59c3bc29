#pragma once
#include "app/commands/PipelineCommand.h"

namespace lathe::app {

// Links output `fromPort` of one node to input `toPort` of another (the caller asked
// Graph::canConnect first); undo removes the link, redo puts the same link back.
class AddLinkCommand : public PipelineCommand {
 public:
  AddLinkCommand(PipelineDocument* document, int fromNode, int fromPort, int toNode, int toPort);
  void undo() override;
  void redo() override;
  int linkId() const { return link_.id; }

 private:
  pipeline::GraphLink link_;
};

}  // namespace lathe::app
