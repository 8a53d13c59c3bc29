#pragma once
#include <any>
#include <atomic>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "engine/core/Error.h"
#include "engine/pipeline/ExecutionCache.h"
#include "engine/pipeline/NodeState.h"
#include "engine/pipeline/NodeValue.h"

namespace lathe::jobs {
class JobContext;
}

namespace lathe::pipeline {

class Graph;
class NodeRegistry;

// Runs a pipeline incrementally. A node's fingerprint hashes its type, parameters (over the
// type's defaults), what it reads from outside, the environment's fingerprint and the
// fingerprints of its inputs; a node whose cached outputs were made under its current
// fingerprint is not run again. `run` runs the stale nodes the targets need, in topological
// order, independent branches in parallel on up to `threads` workers (the calling thread is one
// of them), and keeps the outputs for the next run.
//
// A node that fails is Failed with the error's message and its downstream nodes stay unrun
// (Stale, naming it) while independent branches finish. Cancel (the context's stop token, shared
// by every node's own context) ends running nodes Cancelled, puts queued ones back to Stale and
// caches nothing for either; a node that completes anyway is kept.
//
// One run at a time per Executor; states(), outputs() and invalidate() may be called from
// another thread during a run.
class Executor {
 public:
  // Told about every state change and every progress report of a node, from worker threads;
  // the Executor serialises the calls. Must not throw (whatever it throws is dropped).
  class Observer {
   public:
    virtual ~Observer() = default;
    virtual void stateChanged(int node, NodeState state, const std::string& message) = 0;
    virtual void progress(int /*node*/, double /*fraction*/, const std::string& /*message*/) {}
  };

  struct NodeOutcome {
    NodeState state = NodeState::Idle;
    std::string message;                    // why it failed or was not run
    ErrorCode code = ErrorCode::Internal;   // when Failed
  };
  struct Summary {
    std::map<int, NodeOutcome> nodes;  // every node the run needed, as it ended
    int ran = 0;                       // nodes whose run function completed
    int reused = 0;                    // nodes whose cached outputs were current
    int firstFailed = 0;               // the first node that failed, 0 if none
    bool cancelled = false;            // a stop left some needed node not done
    bool succeeded() const { return firstFailed == 0 && !cancelled; }
  };

  // threads <= 0: one per core.
  explicit Executor(int threads = 0);

  void setThreads(int threads);
  int threads() const noexcept { return threads_; }
  // Not owned; must outlive the runs. Set it between runs.
  void setObserver(Observer* observer) { observer_ = observer; }
  // What every node's NodeRunInput::environment holds in the following runs, and a short key
  // for it that enters every fingerprint (change it and everything reruns). Set between runs.
  void setEnvironment(std::any environment, std::string fingerprint = {});

  // Runs what `targets` (node ids; empty: every node) need. Throws lathe::Error(InvalidArgument)
  // for a target that is not in the graph or when this Executor is already running; every other
  // problem is reported per node in the summary and to the observer.
  Summary run(const Graph& graph, const NodeRegistry& registry, const std::vector<int>& targets,
              const jobs::JobContext& context);

  // Every node's state without running anything: Done when its cached outputs match its
  // current fingerprint, Stale when it ran before but something changed since (or a node
  // upstream is not Done), Idle when it never ran.
  std::map<int, NodeState> states(const Graph& graph, const NodeRegistry& registry) const;
  // The cached outputs of `node` when they are current (Done), else nothing.
  std::optional<std::vector<NodeValue>> outputs(const Graph& graph, const NodeRegistry& registry, int node) const;
  // Makes `node` and everything downstream stale (its source changed outside the graph).
  void invalidate(int node) { cache_.invalidate(node); }
  // Forgets every cached output.
  void clear() { cache_.clear(); }

 private:
  // The current fingerprint of every node whose inputs are all current, and their outputs.
  struct Current {
    std::map<int, std::string> fingerprints;
    std::map<int, std::vector<NodeValue>> outputs;
  };
  Current current(const Graph& graph, const NodeRegistry& registry) const;

  int threads_ = 1;
  Observer* observer_ = nullptr;
  std::any environment_;
  std::string environmentFingerprint_;
  ExecutionCache cache_;
  std::atomic<bool> running_{false};
};

}  // namespace lathe::pipeline
