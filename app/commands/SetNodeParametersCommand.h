#pragma once
#include "app/commands/PipelineCommand.h"

namespace lathe::app {

// Changes a node's parameters (its editor's OK); undo restores the old ones.
class SetNodeParametersCommand : public PipelineCommand {
 public:
  SetNodeParametersCommand(PipelineDocument* document, int node, const QString& nodeTitle, nlohmann::json before,
                           nlohmann::json after);
  void undo() override;
  void redo() override;

 private:
  int node_;
  nlohmann::json before_;
  nlohmann::json after_;
};

}  // namespace lathe::app
