#include "app/commands/AddNodeCommand.h"

#include <QCoreApplication>

namespace lathe::app {

AddNodeCommand::AddNodeCommand(PipelineDocument* document, std::string type, const QString& typeTitle,
                               QPointF position, nlohmann::json parameters)
    : PipelineCommand(document, QCoreApplication::translate("AddNodeCommand", "Add node “%1”").arg(typeTitle)) {
  node_.type = std::move(type);
  node_.parameters = std::move(parameters);
  node_.x = position.x();
  node_.y = position.y();
}

void AddNodeCommand::redo() {
  attempt([this](pipeline::Graph& graph) {
    if (node_.id == 0) {
      node_ = *graph.node(graph.addNode(node_.type, node_.parameters, node_.x, node_.y));
    } else {
      graph.insertNode(node_);
    }
  });
}

void AddNodeCommand::undo() {
  attempt([this](pipeline::Graph& graph) { graph.removeNode(node_.id); });
}

}  // namespace lathe::app
