#pragma once
#include <any>
#include <cstdint>
#include <map>
#include <memory>
#include <string>

#include "engine/pipeline/Graph.h"
#include "engine/pipeline/NodeType.h"

namespace lathe::store {
class Project;
}

namespace lathe::pipeline {

// What the standard nodes need from outside the graph, handed to the Executor as its
// environment (Executor::setEnvironment(PipelineEnvironment::make(...)), and the fingerprint()
// beside it). Nodes never share the caller's connection: they open their own with
// project->connect() on their worker thread.
struct PipelineEnvironment {
  // The project runs are recorded in and datasets come from; null: nodes that need it fail
  // with a message saying so.
  std::shared_ptr<const store::Project> project;
  // Every random choice (splits, folds, the algorithms' random_state) not fixed by a node's own
  // parameters comes from this, never from the clock or the order threads run in: the same seed
  // gives the same metrics in the window and in `lathe run`.
  std::uint64_t seed = 0;
  // Node id -> title, for run names ("Train forest · forest"); not part of any fingerprint.
  std::map<int, std::string> titles;

  // The environment for running `graph` (titles taken from it) as the Executor wants it.
  static std::any make(std::shared_ptr<const store::Project> project, std::uint64_t seed, const Graph& graph) {
    auto environment = std::make_shared<PipelineEnvironment>();
    environment->project = std::move(project);
    environment->seed = seed;
    for (const auto& [id, node] : graph.nodes()) environment->titles[id] = node.title.empty() ? node.type : node.title;
    return std::shared_ptr<const PipelineEnvironment>(std::move(environment));
  }
  // The key that enters every node's fingerprint: a new seed reruns everything.
  static std::string fingerprint(std::uint64_t seed) { return "seed:" + std::to_string(seed); }

  // The environment a node was given, or null when the caller set none.
  static const PipelineEnvironment* of(const std::any& environment) {
    const auto* held = std::any_cast<std::shared_ptr<const PipelineEnvironment>>(&environment);
    return held ? held->get() : nullptr;
  }
  static const PipelineEnvironment* of(const NodeRunInput& input) { return of(input.environment); }

  std::string titleOf(int node) const {
    const auto found = titles.find(node);
    return found == titles.end() ? std::string() : found->second;
  }
};

}  // namespace lathe::pipeline
