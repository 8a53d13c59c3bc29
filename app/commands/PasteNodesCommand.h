#pragma once
#include <QList>
#include <QPointF>
#include <vector>

#include "app/commands/PipelineCommand.h"

namespace lathe::app {

// Pastes copied nodes and the links among them (a Graph's JSON, as copy() makes it), moved by
// `offset`, as new nodes with new ids. Undo removes them; redo puts the same ones back.
class PasteNodesCommand : public PipelineCommand {
 public:
  PasteNodesCommand(PipelineDocument* document, nlohmann::json copied, QPointF offset);
  void undo() override;
  void redo() override;
  QList<int> pastedNodes() const;

  // The selected nodes of `graph` and the links among them, as Graph JSON for the clipboard.
  static nlohmann::json copy(const pipeline::Graph& graph, const QList<int>& nodes);

 private:
  nlohmann::json copied_;
  QPointF offset_;
  std::vector<pipeline::GraphNode> nodes_;
  std::vector<pipeline::GraphLink> links_;
};

}  // namespace lathe::app
