#include "app/commands/PasteNodesCommand.h"

#include <QCoreApplication>
#include <map>

namespace lathe::app {

PasteNodesCommand::PasteNodesCommand(PipelineDocument* document, nlohmann::json copied, QPointF offset)
    : PipelineCommand(document, QCoreApplication::translate("PasteNodesCommand", "Paste nodes")),
      copied_(std::move(copied)),
      offset_(offset) {}

nlohmann::json PasteNodesCommand::copy(const pipeline::Graph& graph, const QList<int>& nodes) {
  pipeline::Graph part;
  for (const int id : nodes)
    if (const pipeline::GraphNode* node = graph.node(id)) part.insertNode(*node);
  for (const auto& [id, link] : graph.links())
    if (part.node(link.fromNode) && part.node(link.toNode)) part.insertLink(link);
  return part.toJson();
}

void PasteNodesCommand::redo() {
  attempt([this](pipeline::Graph& graph) {
    if (!nodes_.empty()) {
      for (const auto& node : nodes_) graph.insertNode(node);
      for (const auto& link : links_) graph.insertLink(link);
      return;
    }
    // The clipboard is outside data: fromJson checks it all (throws lathe::Error(Parse)).
    const pipeline::Graph part = pipeline::Graph::fromJson(copied_);
    std::map<int, int> newIds;
    std::vector<pipeline::GraphNode> nodes;
    std::vector<pipeline::GraphLink> links;
    for (const auto& [id, node] : part.nodes()) {
      const int added = graph.addNode(node.type, node.parameters, node.x + offset_.x(), node.y + offset_.y(), node.title);
      newIds[id] = added;
      nodes.push_back(*graph.node(added));
    }
    for (const auto& [id, link] : part.links())
      links.push_back(*graph.link(graph.addLink(newIds.at(link.fromNode), link.fromPort, newIds.at(link.toNode), link.toPort)));
    nodes_ = std::move(nodes);
    links_ = std::move(links);
  });
}

void PasteNodesCommand::undo() {
  attempt([this](pipeline::Graph& graph) {
    for (const auto& node : nodes_) graph.removeNode(node.id);  // takes the links along
  });
}

QList<int> PasteNodesCommand::pastedNodes() const {
  QList<int> ids;
  for (const auto& node : nodes_) ids.append(node.id);
  return ids;
}

}  // namespace lathe::app
