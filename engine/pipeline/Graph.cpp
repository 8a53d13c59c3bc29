#include "engine/pipeline/Graph.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <queue>
#include <unordered_map>

#include "engine/core/Error.h"
#include "engine/pipeline/NodeRegistry.h"

namespace lathe::pipeline {
namespace {

std::string nodeLabel(int id) { return "node " + std::to_string(id); }

[[noreturn]] void invalid(std::string message) { throw Error(ErrorCode::InvalidArgument, std::move(message)); }

// Links as adjacency lists by node id, built once per query so queries stay O(nodes + links).
struct Adjacency {
  std::unordered_map<int, std::vector<int>> out;
  std::unordered_map<int, std::vector<int>> in;
};

Adjacency adjacencyOf(const std::map<int, GraphLink>& links) {
  Adjacency adjacency;
  for (const auto& [id, link] : links) {
    adjacency.out[link.fromNode].push_back(link.toNode);
    adjacency.in[link.toNode].push_back(link.fromNode);
  }
  return adjacency;
}

// Every node reachable from `start` along `edges`, not `start` itself, sorted.
std::vector<int> reachable(const std::unordered_map<int, std::vector<int>>& edges, int start) {
  std::vector<int> stack{start};
  std::vector<int> seen;
  std::unordered_map<int, bool> visited{{start, true}};
  while (!stack.empty()) {
    const int at = stack.back();
    stack.pop_back();
    const auto found = edges.find(at);
    if (found == edges.end()) continue;
    for (const int next : found->second) {
      if (visited[next]) continue;
      visited[next] = true;
      seen.push_back(next);
      stack.push_back(next);
    }
  }
  std::sort(seen.begin(), seen.end());
  return seen;
}

}  // namespace

GraphNode& Graph::nodeRef(int id) {
  const auto found = nodes_.find(id);
  if (found == nodes_.end()) invalid(nodeLabel(id) + " is not in the pipeline");
  return found->second;
}

int Graph::addNode(std::string type, nlohmann::json parameters, double x, double y, std::string title) {
  if (nextNodeId_ > kMaxId) invalid("the pipeline has used up its node ids");
  GraphNode node{nextNodeId_, std::move(type), std::move(title), std::move(parameters), x, y};
  insertNode(std::move(node));
  return nextNodeId_ - 1;
}

void Graph::insertNode(GraphNode node) {
  if (node.id < 1 || node.id > kMaxId) invalid("node id " + std::to_string(node.id) + " is out of range");
  if (nodes_.contains(node.id)) invalid(nodeLabel(node.id) + " already exists");
  if (nodes_.size() >= kMaxNodes) invalid("a pipeline holds at most " + std::to_string(kMaxNodes) + " nodes");
  if (!node.parameters.is_object()) invalid(nodeLabel(node.id) + ": the parameters must be a JSON object");
  if (!std::isfinite(node.x) || !std::isfinite(node.y)) invalid(nodeLabel(node.id) + ": the position must be finite");
  nextNodeId_ = std::max(nextNodeId_, node.id + 1);
  const int id = node.id;
  nodes_.emplace(id, std::move(node));
}

std::pair<GraphNode, std::vector<GraphLink>> Graph::removeNode(int id) {
  GraphNode removed = std::move(nodeRef(id));
  nodes_.erase(id);
  std::vector<GraphLink> links;
  for (auto it = links_.begin(); it != links_.end();) {
    if (it->second.fromNode == id || it->second.toNode == id) {
      links.push_back(it->second);
      it = links_.erase(it);
    } else {
      ++it;
    }
  }
  return {std::move(removed), std::move(links)};
}

void Graph::checkNewLink(const GraphLink& link) const {
  const std::string label = "link " + std::to_string(link.id);
  if (link.id < 1 || link.id > kMaxId) invalid("link id " + std::to_string(link.id) + " is out of range");
  if (links_.contains(link.id)) invalid(label + " already exists");
  if (links_.size() >= kMaxLinks) invalid("a pipeline holds at most " + std::to_string(kMaxLinks) + " links");
  if (!nodes_.contains(link.fromNode)) invalid(label + ": comes from " + nodeLabel(link.fromNode) + ", which is not in the pipeline");
  if (!nodes_.contains(link.toNode)) invalid(label + ": goes to " + nodeLabel(link.toNode) + ", which is not in the pipeline");
  if (link.fromNode == link.toNode) invalid(label + ": links " + nodeLabel(link.fromNode) + " to itself");
  if (link.fromPort < 0 || link.fromPort > kMaxPort || link.toPort < 0 || link.toPort > kMaxPort)
    invalid(label + ": port index out of range 0.." + std::to_string(kMaxPort));
  if (const GraphLink* taken = linkInto(link.toNode, link.toPort))
    invalid(label + ": input " + std::to_string(link.toPort) + " of " + nodeLabel(link.toNode) +
            " is already linked (link " + std::to_string(taken->id) + ")");
}

int Graph::addLink(int fromNode, int fromPort, int toNode, int toPort) {
  if (nextLinkId_ > kMaxId) invalid("the pipeline has used up its link ids");
  insertLink(GraphLink{nextLinkId_, fromNode, fromPort, toNode, toPort});
  return nextLinkId_ - 1;
}

void Graph::insertLink(GraphLink link) {
  checkNewLink(link);
  nextLinkId_ = std::max(nextLinkId_, link.id + 1);
  links_.emplace(link.id, link);
}

GraphLink Graph::removeLink(int id) {
  const auto found = links_.find(id);
  if (found == links_.end()) invalid("link " + std::to_string(id) + " is not in the pipeline");
  const GraphLink removed = found->second;
  links_.erase(found);
  return removed;
}

void Graph::setParameters(int node, nlohmann::json parameters) {
  if (!parameters.is_object()) invalid(nodeLabel(node) + ": the parameters must be a JSON object");
  nodeRef(node).parameters = std::move(parameters);
}

void Graph::setTitle(int node, std::string title) { nodeRef(node).title = std::move(title); }

void Graph::move(int node, double x, double y) {
  if (!std::isfinite(x) || !std::isfinite(y)) invalid(nodeLabel(node) + ": the position must be finite");
  GraphNode& target = nodeRef(node);
  target.x = x;
  target.y = y;
}

const GraphNode* Graph::node(int id) const {
  const auto found = nodes_.find(id);
  return found == nodes_.end() ? nullptr : &found->second;
}

const GraphLink* Graph::link(int id) const {
  const auto found = links_.find(id);
  return found == links_.end() ? nullptr : &found->second;
}

const GraphLink* Graph::linkInto(int node, int toPort) const {
  for (const auto& [id, link] : links_)
    if (link.toNode == node && link.toPort == toPort) return &link;
  return nullptr;
}

std::vector<GraphLink> Graph::linksInto(int node) const {
  std::vector<GraphLink> out;
  for (const auto& [id, link] : links_)
    if (link.toNode == node) out.push_back(link);
  return out;
}

std::vector<GraphLink> Graph::linksFrom(int node) const {
  std::vector<GraphLink> out;
  for (const auto& [id, link] : links_)
    if (link.fromNode == node) out.push_back(link);
  return out;
}

std::optional<std::string> Graph::canConnect(int from, int fromPort, int to, int toPort,
                                             const NodeRegistry& registry) const {
  const GraphNode* source = node(from);
  const GraphNode* target = node(to);
  if (!source) return nodeLabel(from) + " is not in the pipeline";
  if (!target) return nodeLabel(to) + " is not in the pipeline";
  if (from == to) return "a node cannot feed itself";
  const NodeType* sourceType = registry.find(source->type);
  const NodeType* targetType = registry.find(target->type);
  if (!sourceType) return "\"" + source->type + "\" is not a known node type";
  if (!targetType) return "\"" + target->type + "\" is not a known node type";
  if (fromPort < 0 || static_cast<std::size_t>(fromPort) >= sourceType->outputs.size())
    return "\"" + sourceType->title + "\" has no output " + std::to_string(fromPort);
  if (toPort < 0 || static_cast<std::size_t>(toPort) >= targetType->inputs.size())
    return "\"" + targetType->title + "\" has no input " + std::to_string(toPort);
  const PortSpec& output = sourceType->outputs[static_cast<std::size_t>(fromPort)];
  const PortSpec& input = targetType->inputs[static_cast<std::size_t>(toPort)];
  if (output.type != input.type)
    return "the output \"" + output.name + "\" gives a " + std::string(portTypeName(output.type)) + ", but the input \"" +
           input.name + "\" takes a " + std::string(portTypeName(input.type));
  if (linkInto(to, toPort)) return "the input \"" + input.name + "\" is already connected";
  if (createsCycle(from, to)) return "the link would make a cycle";
  return std::nullopt;
}

bool Graph::createsCycle(int from, int to) const {
  if (from == to) return true;
  const auto reach = reachable(adjacencyOf(links_).out, to);
  return std::binary_search(reach.begin(), reach.end(), from);
}

std::vector<int> Graph::topologicalOrder() const {
  std::unordered_map<int, std::size_t> waiting;  // incoming links not yet satisfied
  for (const auto& [id, link] : links_) ++waiting[link.toNode];
  const Adjacency adjacency = adjacencyOf(links_);
  std::priority_queue<int, std::vector<int>, std::greater<>> ready;
  for (const auto& [id, node] : nodes_)
    if (!waiting.contains(id)) ready.push(id);
  std::vector<int> order;
  order.reserve(nodes_.size());
  while (!ready.empty()) {
    const int at = ready.top();
    ready.pop();
    order.push_back(at);
    const auto found = adjacency.out.find(at);
    if (found == adjacency.out.end()) continue;
    for (const int next : found->second)
      if (--waiting[next] == 0) ready.push(next);
  }
  if (order.size() != nodes_.size()) {
    const auto groups = cycles();
    const int culprit = groups.empty() ? 0 : groups.front().front();
    invalid("the pipeline has a cycle through " + nodeLabel(culprit));
  }
  return order;
}

std::vector<std::vector<int>> Graph::cycles() const {
  // Tarjan's strongly connected components, with an explicit stack so a long chain of 10,000
  // nodes cannot overflow the call stack.
  std::vector<int> ids;
  std::unordered_map<int, int> indexOf;
  for (const auto& [id, node] : nodes_) {
    indexOf[id] = static_cast<int>(ids.size());
    ids.push_back(id);
  }
  const int n = static_cast<int>(ids.size());
  std::vector<std::vector<int>> out(static_cast<std::size_t>(n));
  for (const auto& [id, link] : links_) out[static_cast<std::size_t>(indexOf.at(link.fromNode))].push_back(indexOf.at(link.toNode));

  std::vector<int> order(static_cast<std::size_t>(n), -1), low(static_cast<std::size_t>(n), 0);
  std::vector<char> onStack(static_cast<std::size_t>(n), 0);
  std::vector<int> stack;
  std::vector<std::pair<int, std::size_t>> calls;  // node, next edge to look at
  std::vector<std::vector<int>> groups;
  int counter = 0;
  const auto visit = [&](int v) {
    order[static_cast<std::size_t>(v)] = low[static_cast<std::size_t>(v)] = counter++;
    stack.push_back(v);
    onStack[static_cast<std::size_t>(v)] = 1;
    calls.emplace_back(v, 0);
  };
  for (int start = 0; start < n; ++start) {
    if (order[static_cast<std::size_t>(start)] != -1) continue;
    visit(start);
    while (!calls.empty()) {
      const int v = calls.back().first;
      const auto uv = static_cast<std::size_t>(v);
      if (calls.back().second < out[uv].size()) {
        const int w = out[uv][calls.back().second++];
        const auto uw = static_cast<std::size_t>(w);
        if (order[uw] == -1) visit(w);
        else if (onStack[uw]) low[uv] = std::min(low[uv], order[uw]);
        continue;
      }
      calls.pop_back();
      if (!calls.empty()) {
        const auto parent = static_cast<std::size_t>(calls.back().first);
        low[parent] = std::min(low[parent], low[uv]);
      }
      if (low[uv] != order[uv]) continue;
      std::vector<int> group;
      int w = -1;
      do {
        w = stack.back();
        stack.pop_back();
        onStack[static_cast<std::size_t>(w)] = 0;
        group.push_back(ids[static_cast<std::size_t>(w)]);
      } while (w != v);
      if (group.size() > 1) {
        std::sort(group.begin(), group.end());
        groups.push_back(std::move(group));
      }
    }
  }
  std::sort(groups.begin(), groups.end());
  return groups;
}

std::vector<int> Graph::upstream(int node) const { return reachable(adjacencyOf(links_).in, node); }

std::vector<int> Graph::downstream(int node) const { return reachable(adjacencyOf(links_).out, node); }

}  // namespace lathe::pipeline
