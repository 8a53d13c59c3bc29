#pragma once
#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

namespace lathe::pipeline {

class NodeRegistry;

// A node on the canvas: its kind (a NodeRegistry id), what the user called it, its parameters
// and where it sits.
struct GraphNode {
  int id = 0;
  std::string type;
  std::string title;
  nlohmann::json parameters = nlohmann::json::object();
  double x = 0.0;
  double y = 0.0;
};

// A link from output `fromPort` of one node to input `toPort` of another (port indices into the
// node types' output and input lists).
struct GraphLink {
  int id = 0;
  int fromNode = 0;
  int fromPort = 0;
  int toNode = 0;
  int toPort = 0;
};

// A pipeline as plain data: nodes and links with integer ids, no Qt and no behaviour beyond the
// rules. The canvas mirrors it, undo commands edit it, the Executor runs it, the project stores
// its JSON. Edits keep the structural invariants (ids unique and in range, links between
// existing nodes, one link per input, no link from a node to itself, bounded sizes) and throw
// lathe::Error(InvalidArgument) otherwise. Port types and cycles are the rules of canConnect and
// validation: they need the registry, and a stored pipeline that breaks them still opens so the
// user can repair it.
class Graph {
 public:
  static constexpr std::size_t kMaxNodes = 10'000;
  static constexpr std::size_t kMaxLinks = 100'000;
  static constexpr int kMaxPort = 255;  // port indices are 0..kMaxPort
  static constexpr int kMaxId = 1'000'000'000;
  static constexpr int kVersion = 1;

  // Adds a node with a new id (never one used before in this graph) and returns the id.
  int addNode(std::string type, nlohmann::json parameters = nlohmann::json::object(), double x = 0.0,
              double y = 0.0, std::string title = {});
  // Puts back a node with its own id (undoing a removal).
  void insertNode(GraphNode node);
  // Removes the node and every link touching it; returns them so undo can put them back.
  std::pair<GraphNode, std::vector<GraphLink>> removeNode(int id);

  // Adds a link with a new id. Checks structure only; ask canConnect first for a user's intent.
  int addLink(int fromNode, int fromPort, int toNode, int toPort);
  void insertLink(GraphLink link);
  GraphLink removeLink(int id);

  void setParameters(int node, nlohmann::json parameters);  // must be an object
  void setTitle(int node, std::string title);
  void move(int node, double x, double y);                  // finite coordinates

  const GraphNode* node(int id) const;
  const GraphLink* link(int id) const;
  const std::map<int, GraphNode>& nodes() const noexcept { return nodes_; }
  const std::map<int, GraphLink>& links() const noexcept { return links_; }
  // The link into input `toPort` of `node`, or null.
  const GraphLink* linkInto(int node, int toPort) const;
  std::vector<GraphLink> linksInto(int node) const;
  std::vector<GraphLink> linksFrom(int node) const;

  // Why output `fromPort` of `from` cannot feed input `toPort` of `to`, in the user's words, or
  // nothing when it can: a missing node or port, the same node, types that differ, an input
  // already linked, or a cycle.
  std::optional<std::string> canConnect(int from, int fromPort, int to, int toPort,
                                        const NodeRegistry& registry) const;
  // Whether a link from `from` to `to` would close a cycle (it would when `to` already reaches
  // `from`, or they are the same node).
  bool createsCycle(int from, int to) const;
  // Every node, each after all the nodes feeding it (ties by id); throws
  // lathe::Error(InvalidArgument) naming a node on a cycle if there is one.
  std::vector<int> topologicalOrder() const;
  // The groups of nodes that lie on a cycle (strongly connected, more than one node), ids sorted.
  std::vector<std::vector<int>> cycles() const;
  // The nodes `node` depends on / that depend on it, transitively, not itself; ids sorted.
  std::vector<int> upstream(int node) const;
  std::vector<int> downstream(int node) const;

  // {"version":1,"nodes":[{"id","type","title","parameters","x","y"}...],
  //  "links":[{"id","fromNode","fromPort","toNode","toPort"}...]}
  nlohmann::json toJson() const;
  // Rebuilds a graph, checking everything: unknown keys are ignored; anything malformed is
  // lathe::Error(Parse) naming the node or link. Never trusts sizes or ids it is given.
  static Graph fromJson(const nlohmann::json& json);
  // Parses text first (at most 64 MiB, nesting at most 64 deep); a syntax error names the byte.
  static Graph fromJsonText(std::string_view text);

 private:
  GraphNode& nodeRef(int id);
  void checkNewLink(const GraphLink& link) const;

  std::map<int, GraphNode> nodes_;
  std::map<int, GraphLink> links_;
  int nextNodeId_ = 1;
  int nextLinkId_ = 1;
};

}  // namespace lathe::pipeline
