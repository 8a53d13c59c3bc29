#include "app/commands/AddLinkCommand.h"

#include <QCoreApplication>

namespace lathe::app {

AddLinkCommand::AddLinkCommand(PipelineDocument* document, int fromNode, int fromPort, int toNode, int toPort)
    : PipelineCommand(document, QCoreApplication::translate("AddLinkCommand", "Connect nodes")),
      link_{0, fromNode, fromPort, toNode, toPort} {}

void AddLinkCommand::redo() {
  attempt([this](pipeline::Graph& graph) {
    if (link_.id == 0) link_ = *graph.link(graph.addLink(link_.fromNode, link_.fromPort, link_.toNode, link_.toPort));
    else graph.insertLink(link_);
  });
}

void AddLinkCommand::undo() {
  attempt([this](pipeline::Graph& graph) { graph.removeLink(link_.id); });
}

}  // namespace lathe::app
