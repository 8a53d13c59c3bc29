#include "engine/pipeline/Executor.h"

#include <algorithm>
#include <exception>
#include <queue>
#include <set>
#include <thread>
#include <unordered_map>
#include <utility>

#include "engine/pipeline/ExecutionRun.h"
#include "engine/pipeline/Graph.h"
#include "engine/pipeline/NodeRegistry.h"

namespace lathe::pipeline {
namespace {

// The nodes in topological order, leaving out those on a cycle or downstream of one (which
// never have current outputs), without throwing.
std::vector<int> acyclicOrder(const Graph& graph) {
  std::unordered_map<int, std::size_t> waiting;
  std::unordered_map<int, std::vector<int>> out;
  for (const auto& [id, link] : graph.links()) {
    ++waiting[link.toNode];
    out[link.fromNode].push_back(link.toNode);
  }
  std::queue<int> ready;
  for (const auto& [id, node] : graph.nodes())
    if (!waiting.contains(id)) ready.push(id);
  std::vector<int> order;
  while (!ready.empty()) {
    const int at = ready.front();
    ready.pop();
    order.push_back(at);
    for (const int next : out[at])
      if (--waiting[next] == 0) ready.push(next);
  }
  return order;
}

}  // namespace

Executor::Executor(int threads) { setThreads(threads); }

void Executor::setThreads(int threads) {
  threads_ = threads > 0 ? threads : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
}

void Executor::setEnvironment(std::any environment, std::string fingerprint) {
  environment_ = std::move(environment);
  environmentFingerprint_ = std::move(fingerprint);
}

Executor::Current Executor::current(const Graph& graph, const NodeRegistry& registry) const {
  std::map<std::pair<int, int>, const GraphLink*> into;  // (node, input port) -> link
  for (const auto& [id, link] : graph.links()) into[{link.toNode, link.toPort}] = &link;
  Current current;
  for (const int id : acyclicOrder(graph)) {
    const GraphNode& node = *graph.node(id);
    const NodeType* type = registry.find(node.type);
    if (!type) continue;
    std::vector<std::optional<std::string>> inputs;
    bool known = true;
    for (std::size_t port = 0; known && port < type->inputs.size(); ++port) {
      const auto link = into.find({id, static_cast<int>(port)});
      if (link == into.end()) {
        inputs.emplace_back(std::nullopt);
        continue;
      }
      const auto upstream = current.outputs.find(link->second->fromNode);
      const auto fromPort = static_cast<std::size_t>(link->second->fromPort);
      known = upstream != current.outputs.end() && fromPort < upstream->second.size();
      if (known) inputs.emplace_back(upstream->second[fromPort].fingerprint);
    }
    if (!known) continue;
    try {
      const auto parameters = type->effectiveParameters(node.parameters);
      const std::string external = type->externalState ? type->externalState(parameters, environment_) : "";
      auto fingerprint = ExecutionCache::fingerprint(type->id, parameters, external, environmentFingerprint_,
                                                     cache_.generation(id), inputs);
      if (auto outputs = cache_.find(id, fingerprint)) current.outputs.emplace(id, std::move(*outputs));
      current.fingerprints.emplace(id, std::move(fingerprint));
    } catch (const std::exception&) {
      // A node whose outside state cannot be read is simply not current.
    }
  }
  return current;
}

std::map<int, NodeState> Executor::states(const Graph& graph, const NodeRegistry& registry) const {
  const Current now = current(graph, registry);
  std::map<int, NodeState> states;
  for (const auto& [id, node] : graph.nodes())
    states[id] = now.outputs.contains(id) ? NodeState::Done
                 : cache_.ranBefore(id)   ? NodeState::Stale
                                          : NodeState::Idle;
  return states;
}

std::optional<std::vector<NodeValue>> Executor::outputs(const Graph& graph, const NodeRegistry& registry,
                                                        int node) const {
  Current now = current(graph, registry);
  const auto found = now.outputs.find(node);
  if (found == now.outputs.end()) return std::nullopt;
  return std::move(found->second);
}

Executor::Summary Executor::run(const Graph& graph, const NodeRegistry& registry, const std::vector<int>& targets,
                                const jobs::JobContext& context) {
  for (const int target : targets)
    if (!graph.node(target))
      throw Error(ErrorCode::InvalidArgument, "node " + std::to_string(target) + " is not in the pipeline");
  if (running_.exchange(true)) throw Error(ErrorCode::InvalidArgument, "the pipeline is already running");
  struct Release {
    std::atomic<bool>& flag;
    ~Release() { flag = false; }
  } release{running_};

  std::set<int> live;
  for (const auto& [id, node] : graph.nodes()) live.insert(id);
  cache_.keepOnly(live);

  ExecutionRun::Setup setup{graph, registry, cache_, observer_, environment_, environmentFingerprint_, threads_, context};
  ExecutionRun execution(setup);
  return execution.execute(targets, states(graph, registry));
}

}  // namespace lathe::pipeline
