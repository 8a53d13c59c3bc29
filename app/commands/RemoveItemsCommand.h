#pragma once
#include <QList>
#include <vector>

#include "app/commands/PipelineCommand.h"

namespace lathe::app {

// Removes nodes and links (Delete on the canvas). Removing a node removes its links; undo puts
// every node and link back with its own id, parameters and place.
class RemoveItemsCommand : public PipelineCommand {
 public:
  RemoveItemsCommand(PipelineDocument* document, QList<int> nodes, QList<int> links);
  void undo() override;
  void redo() override;

 private:
  QList<int> nodeIds_;
  QList<int> linkIds_;
  std::vector<pipeline::GraphNode> removedNodes_;
  std::vector<pipeline::GraphLink> removedLinks_;
};

}  // namespace lathe::app
