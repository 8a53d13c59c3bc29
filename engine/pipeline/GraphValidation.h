#pragma once
#include <string>
#include <vector>

namespace lathe::pipeline {

class Graph;
class NodeRegistry;

// Whether a pipeline can run, and if not, what to fix, node by node: the canvas marks the nodes,
// `lathe run` prints the problems, and the Executor refuses to run a node that has any.
class GraphValidation {
 public:
  struct Problem {
    int node = 0;  // the node to mark
    std::string message;
  };

  // Unknown node types, bad parameters (each type's check), links to ports a type does not
  // have or of another port type, required inputs left unconnected, and cycles. Ordered by
  // node id, then in that order of checks.
  static std::vector<Problem> validate(const Graph& graph, const NodeRegistry& registry);
};

}  // namespace lathe::pipeline
