#include "app/commands/SetNodeParametersCommand.h"

#include <QCoreApplication>

namespace lathe::app {

SetNodeParametersCommand::SetNodeParametersCommand(PipelineDocument* document, int node, const QString& nodeTitle,
                                                   nlohmann::json before, nlohmann::json after)
    : PipelineCommand(document,
                      QCoreApplication::translate("SetNodeParametersCommand", "Edit “%1”").arg(nodeTitle)),
      node_(node),
      before_(std::move(before)),
      after_(std::move(after)) {}

void SetNodeParametersCommand::redo() {
  attempt([this](pipeline::Graph& graph) { graph.setParameters(node_, after_); });
}

void SetNodeParametersCommand::undo() {
  attempt([this](pipeline::Graph& graph) { graph.setParameters(node_, before_); });
}

}  // namespace lathe::app
