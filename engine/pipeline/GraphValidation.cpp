#include "engine/pipeline/GraphValidation.h"

#include <map>
#include <unordered_map>

#include "engine/pipeline/Graph.h"
#include "engine/pipeline/NodeRegistry.h"

namespace lathe::pipeline {
namespace {

std::string quoted(const std::string& text) { return "\"" + text + "\""; }

std::string joined(const std::vector<int>& ids) {
  std::string out;
  for (const int id : ids) out += (out.empty() ? "" : ", ") + std::to_string(id);
  return out;
}

// Problems with the links into `node` of type `type`; records which inputs are connected.
void checkInputs(const Graph& graph, const NodeRegistry& registry, const GraphNode& node, const NodeType& type,
                 const std::vector<GraphLink>& linksInto, std::vector<GraphValidation::Problem>& problems) {
  std::vector<bool> connected(type.inputs.size(), false);
  for (const GraphLink& link : linksInto) {
    const std::string label = "link " + std::to_string(link.id);
    const auto toPort = static_cast<std::size_t>(link.toPort);
    if (toPort >= type.inputs.size()) {
      problems.push_back({node.id, label + " goes into input " + std::to_string(link.toPort) + ", but " +
                                       quoted(type.title) + " has " + std::to_string(type.inputs.size()) + " inputs"});
      continue;
    }
    connected[toPort] = true;
    const GraphNode* source = graph.node(link.fromNode);
    const NodeType* sourceType = source ? registry.find(source->type) : nullptr;
    if (!sourceType) continue;  // that node reports its own unknown type
    const auto fromPort = static_cast<std::size_t>(link.fromPort);
    if (fromPort >= sourceType->outputs.size()) {
      problems.push_back({node.id, label + " comes from output " + std::to_string(link.fromPort) + " of node " +
                                       std::to_string(source->id) + ", which has " +
                                       std::to_string(sourceType->outputs.size()) + " outputs"});
      continue;
    }
    const PortSpec& input = type.inputs[toPort];
    const PortSpec& output = sourceType->outputs[fromPort];
    if (input.type != output.type)
      problems.push_back({node.id, "the input " + quoted(input.name) + " takes a " +
                                       std::string(portTypeName(input.type)) + ", but link " +
                                       std::to_string(link.id) + " brings a " + std::string(portTypeName(output.type)) +
                                       " from node " + std::to_string(source->id)});
  }
  for (std::size_t port = 0; port < type.inputs.size(); ++port)
    if (!connected[port] && !type.inputs[port].optional)
      problems.push_back({node.id, "the input " + quoted(type.inputs[port].name) + " is not connected"});
}

}  // namespace

std::vector<GraphValidation::Problem> GraphValidation::validate(const Graph& graph, const NodeRegistry& registry) {
  std::map<int, std::vector<int>> cycleOf;  // node -> the nodes of its cycle
  for (const auto& group : graph.cycles())
    for (const int id : group) cycleOf[id] = group;

  std::unordered_map<int, std::vector<GraphLink>> linksInto;  // built once: a scan per node is quadratic
  for (const auto& [id, link] : graph.links()) linksInto[link.toNode].push_back(link);
  const std::vector<GraphLink> none;

  std::vector<Problem> problems;
  for (const auto& [id, node] : graph.nodes()) {
    const NodeType* type = registry.find(node.type);
    if (!type) {
      problems.push_back({id, "unknown node type " + quoted(node.type)});
    } else {
      for (auto& message : type->parameterProblems(node.parameters)) problems.push_back({id, std::move(message)});
      const auto into = linksInto.find(id);
      checkInputs(graph, registry, node, *type, into == linksInto.end() ? none : into->second, problems);
    }
    if (const auto cycle = cycleOf.find(id); cycle != cycleOf.end())
      problems.push_back({id, "the node is part of a cycle (nodes " + joined(cycle->second) + ")"});
  }
  return problems;
}

}  // namespace lathe::pipeline
