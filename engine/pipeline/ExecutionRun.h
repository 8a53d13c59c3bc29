#pragma once
#include <any>
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <map>
#include <mutex>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "engine/pipeline/Executor.h"
#include "engine/pipeline/Graph.h"

namespace lathe::pipeline {

// One Executor::run: plans the nodes the targets need, then schedules them on worker threads as
// their inputs complete. Internal to the Executor.
class ExecutionRun {
 public:
  struct Setup {
    const Graph& graph;
    const NodeRegistry& registry;
    ExecutionCache& cache;
    Executor::Observer* observer;
    const std::any& environment;
    const std::string& environmentFingerprint;
    int threads;
    const jobs::JobContext& context;
  };

  explicit ExecutionRun(Setup setup) : setup_(setup) {}
  // `before`: every node's state as Executor::states gave it just now.
  Executor::Summary execute(const std::vector<int>& targets, const std::map<int, NodeState>& before);

 private:
  class NodeSink;

  void plan(const std::vector<int>& targets);
  void work();
  void process(int node);
  void runNode(int node);
  // The following expect mutex_ to be held.
  void report(int node, NodeState state, const std::string& message, ErrorCode code = ErrorCode::Internal);
  void complete(int node, std::vector<NodeValue> outputs, bool reused);
  void fail(int node, const std::string& message, ErrorCode code);
  void nodeProgress(int node, double fraction, std::string_view message);
  std::string label(int node) const;

  Setup setup_;
  std::set<int> needed_;
  std::map<std::pair<int, int>, GraphLink> into_;   // (node, input port) -> link
  std::unordered_map<int, std::vector<int>> out_;   // node -> needed nodes it feeds, one per link
  std::unordered_map<int, std::size_t> waiting_;    // links into a node whose source is not done

  std::mutex mutex_;  // guards everything below, and serialises the observer
  std::condition_variable wake_;
  std::deque<int> ready_;
  int active_ = 0;
  std::map<int, std::vector<NodeValue>> results_;
  Executor::Summary summary_;
  std::set<int> queued_;
  std::set<int> skipped_;  // failed, or downstream of a failure: never to be made ready
  std::map<int, double> fractions_;
};

}  // namespace lathe::pipeline
