#include "engine/pipeline/nodes/NoteNode.h"

#include "engine/pipeline/nodes/NodeSupport.h"

namespace lathe::pipeline {

NodeType NoteNode::type() {
  NodeType type;
  type.id = kId;
  type.title = "Note";
  type.defaultParameters = {{"text", ""}};
  type.check = [](const nlohmann::json& parameters) {
    std::vector<std::string> problems;
    NodeSupport::requireString(parameters, "text", problems);
    return problems;
  };
  type.run = [](const NodeRunInput&, jobs::JobContext&) { return std::vector<NodeValue>{}; };
  return type;
}

}  // namespace lathe::pipeline
