#include "app/commands/RemoveItemsCommand.h"

#include <QCoreApplication>

namespace lathe::app {
namespace {
QString describe(int nodes, int links) {
  if (nodes == 0) return QCoreApplication::translate("RemoveItemsCommand", "Remove %n link(s)", nullptr, links);
  return QCoreApplication::translate("RemoveItemsCommand", "Remove %n node(s)", nullptr, nodes);
}
}  // namespace

RemoveItemsCommand::RemoveItemsCommand(PipelineDocument* document, QList<int> nodes, QList<int> links)
    : PipelineCommand(document, describe(int(nodes.size()), int(links.size()))),
      nodeIds_(std::move(nodes)),
      linkIds_(std::move(links)) {}

void RemoveItemsCommand::redo() {
  attempt([this](pipeline::Graph& graph) {
    removedNodes_.clear();
    removedLinks_.clear();
    for (const int id : linkIds_)
      if (graph.link(id)) removedLinks_.push_back(graph.removeLink(id));
    for (const int id : nodeIds_) {
      if (!graph.node(id)) continue;
      auto [node, links] = graph.removeNode(id);
      removedNodes_.push_back(std::move(node));
      removedLinks_.insert(removedLinks_.end(), links.begin(), links.end());
    }
  });
}

void RemoveItemsCommand::undo() {
  attempt([this](pipeline::Graph& graph) {
    for (const auto& node : removedNodes_) graph.insertNode(node);
    for (const auto& link : removedLinks_) graph.insertLink(link);
  });
}

}  // namespace lathe::app
