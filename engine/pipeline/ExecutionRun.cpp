#include "engine/pipeline/ExecutionRun.h"

#include <algorithm>
#include <exception>
#include <new>
#include <thread>

#include "engine/jobs/JobCancelled.h"
#include "engine/jobs/JobContext.h"
#include "engine/jobs/ProgressSink.h"
#include "engine/pipeline/GraphValidation.h"
#include "engine/pipeline/NodeRegistry.h"

namespace lathe::pipeline {

// A node's own progress sink: the observer sees the node's fraction, the run's context the
// share of all queued nodes done so far.
class ExecutionRun::NodeSink final : public jobs::ProgressSink {
 public:
  NodeSink(ExecutionRun& run, int node) : run_(run), node_(node) {}
  void report(double fraction, std::string_view message) override { run_.nodeProgress(node_, fraction, message); }
  void point(std::string_view series, double x, double y) override { run_.setup_.context.point(series, x, y); }

 private:
  ExecutionRun& run_;
  int node_;
};

void ExecutionRun::plan(const std::vector<int>& targets) {
  if (targets.empty()) {
    for (const auto& [id, node] : setup_.graph.nodes()) needed_.insert(id);
  } else {
    for (const int target : targets) {
      needed_.insert(target);
      for (const int id : setup_.graph.upstream(target)) needed_.insert(id);
    }
  }
  for (const auto& [id, link] : setup_.graph.links()) {
    if (!needed_.contains(link.toNode)) continue;  // needed nodes' sources are needed too
    into_[{link.toNode, link.toPort}] = link;
    out_[link.fromNode].push_back(link.toNode);
    ++waiting_[link.toNode];
  }
}

std::string ExecutionRun::label(int node) const {
  const GraphNode* graphNode = setup_.graph.node(node);
  std::string name = graphNode ? graphNode->title : std::string();
  if (name.empty() && graphNode) name = graphNode->type;
  return "node " + std::to_string(node) + " (\"" + name + "\")";
}

void ExecutionRun::report(int node, NodeState state, const std::string& message, ErrorCode code) {
  summary_.nodes[node] = Executor::NodeOutcome{state, message, code};
  if (!setup_.observer) return;
  try {
    setup_.observer->stateChanged(node, state, message);
  } catch (...) {
    // An observer's failure must not stop the run.
  }
}

void ExecutionRun::nodeProgress(int node, double fraction, std::string_view message) {
  std::lock_guard lock(mutex_);
  fraction = std::clamp(fraction, 0.0, 1.0);
  if (setup_.observer) {
    try {
      setup_.observer->progress(node, fraction, std::string(message));
    } catch (...) {
    }
  }
  if (!queued_.contains(node)) return;
  fractions_[node] = fraction;
  double done = 0.0;
  for (const auto& [id, share] : fractions_) done += share;
  setup_.context.progress(done / static_cast<double>(std::max<std::size_t>(1, queued_.size())),
                          label(node) + (message.empty() ? "" : ": ") + std::string(message));
}

void ExecutionRun::complete(int node, std::vector<NodeValue> outputs, bool reused) {
  results_[node] = std::move(outputs);
  if (reused) {
    ++summary_.reused;
    if (summary_.nodes[node].state == NodeState::Queued) report(node, NodeState::Done, "up to date");
    else summary_.nodes[node] = Executor::NodeOutcome{NodeState::Done, {}, ErrorCode::Internal};
  } else {
    ++summary_.ran;
    report(node, NodeState::Done, {});
  }
  if (queued_.contains(node)) fractions_[node] = 1.0;
  for (const int next : out_[node])
    if (--waiting_[next] == 0 && !skipped_.contains(next)) ready_.push_back(next);
}

void ExecutionRun::fail(int node, const std::string& message, ErrorCode code) {
  report(node, NodeState::Failed, message, code);
  skipped_.insert(node);
  if (summary_.firstFailed == 0) summary_.firstFailed = node;
  // Everything downstream stays unrun; it can never become ready, as this node never completes.
  const std::string why = "not run: " + label(node) + " failed";
  std::vector<int> stack{node};
  std::set<int> seen{node};
  while (!stack.empty()) {
    const int at = stack.back();
    stack.pop_back();
    for (const int next : out_[at]) {
      if (!seen.insert(next).second) continue;
      stack.push_back(next);
      skipped_.insert(next);
      if (summary_.nodes[next].state != NodeState::Failed) report(next, NodeState::Stale, why);
    }
  }
}

void ExecutionRun::runNode(int node) {
  const GraphNode& graphNode = *setup_.graph.node(node);
  const NodeType& type = *setup_.registry.find(graphNode.type);  // validated before it was queued
  NodeRunInput input;
  input.node = node;
  input.parameters = type.effectiveParameters(graphNode.parameters);
  input.environment = setup_.environment;
  std::vector<std::optional<std::string>> fingerprints;
  {
    std::lock_guard lock(mutex_);
    for (std::size_t port = 0; port < type.inputs.size(); ++port) {
      const auto link = into_.find({node, static_cast<int>(port)});
      if (link == into_.end()) {
        input.inputs.emplace_back();
        fingerprints.emplace_back();
        continue;
      }
      const NodeValue& value = results_.at(link->second.fromNode).at(static_cast<std::size_t>(link->second.fromPort));
      input.inputs.emplace_back(value);
      fingerprints.emplace_back(value.fingerprint);
    }
  }
  const std::string external = type.externalState ? type.externalState(input.parameters, setup_.environment) : "";
  const std::string fingerprint = ExecutionCache::fingerprint(
      type.id, input.parameters, external, setup_.environmentFingerprint, setup_.cache.generation(node), fingerprints);
  if (auto cached = setup_.cache.find(node, fingerprint)) {
    std::lock_guard lock(mutex_);
    complete(node, std::move(*cached), true);
    return;
  }
  {
    std::lock_guard lock(mutex_);
    if (setup_.context.stopRequested()) return;  // stays Queued; execute() puts it back to Stale
    report(node, NodeState::Running, {});
  }
  NodeSink sink(*this, node);
  jobs::JobContext context(setup_.context.stopToken(), sink);
  std::vector<NodeValue> outputs = type.run(input, context);
  if (outputs.size() != type.outputs.size())
    throw Error(ErrorCode::Internal, "\"" + type.id + "\" made " + std::to_string(outputs.size()) + " values for " +
                                         std::to_string(type.outputs.size()) + " outputs");
  for (std::size_t port = 0; port < outputs.size(); ++port) {
    if (outputs[port].type != type.outputs[port].type)
      throw Error(ErrorCode::Internal, "\"" + type.id + "\" made a " + std::string(portTypeName(outputs[port].type)) +
                                           " for its " + std::string(portTypeName(type.outputs[port].type)) +
                                           " output \"" + type.outputs[port].name + "\"");
    if (outputs[port].fingerprint.empty())
      outputs[port].fingerprint = ExecutionCache::outputFingerprint(fingerprint, static_cast<int>(port));
  }
  setup_.cache.store(node, fingerprint, outputs);
  std::lock_guard lock(mutex_);
  complete(node, std::move(outputs), false);
}

void ExecutionRun::process(int node) {
  try {
    runNode(node);
  } catch (const jobs::JobCancelled&) {
    std::lock_guard lock(mutex_);
    report(node, NodeState::Cancelled, "cancelled");
  } catch (const Error& e) {
    std::lock_guard lock(mutex_);
    fail(node, e.what(), e.code());
  } catch (const std::bad_alloc&) {
    std::lock_guard lock(mutex_);
    fail(node, "out of memory", ErrorCode::Internal);
  } catch (const std::exception& e) {
    std::lock_guard lock(mutex_);
    fail(node, e.what(), ErrorCode::Internal);
  } catch (...) {
    std::lock_guard lock(mutex_);
    fail(node, "unknown error", ErrorCode::Internal);
  }
}

void ExecutionRun::work() {
  std::unique_lock lock(mutex_);
  for (;;) {
    // Waits only while a node runs: that node's end (soon after a stop) wakes the others.
    wake_.wait(lock, [&] { return setup_.context.stopRequested() || !ready_.empty() || active_ == 0; });
    if (setup_.context.stopRequested() || ready_.empty()) break;
    const int node = ready_.front();
    ready_.pop_front();
    ++active_;
    lock.unlock();
    try {
      process(node);
    } catch (...) {
      // Reporting itself failed (out of memory); the node stays as it was last reported.
    }
    lock.lock();
    --active_;
    wake_.notify_all();
  }
  wake_.notify_all();
}

Executor::Summary ExecutionRun::execute(const std::vector<int>& targets, const std::map<int, NodeState>& before) {
  plan(targets);
  std::map<int, std::string> problems;
  for (const auto& problem : GraphValidation::validate(setup_.graph, setup_.registry)) {
    if (!needed_.contains(problem.node)) continue;
    auto& text = problems[problem.node];
    text += (text.empty() ? "" : "; ") + problem.message;
  }
  std::size_t toRun = 0;
  {
    std::lock_guard lock(mutex_);
    for (const int id : needed_) summary_.nodes[id] = Executor::NodeOutcome{before.at(id), {}, ErrorCode::Internal};
    for (const auto& [id, message] : problems) fail(id, "cannot run: " + message, ErrorCode::InvalidArgument);
    for (const int id : needed_) {
      if (skipped_.contains(id)) continue;
      if (summary_.nodes[id].state != NodeState::Done) {
        queued_.insert(id);
        report(id, NodeState::Queued, {});
      }
      if (!waiting_.contains(id)) ready_.push_back(id);
    }
    toRun = queued_.size();
  }
  const int workers = static_cast<int>(std::clamp<std::size_t>(toRun, 1, static_cast<std::size_t>(std::max(1, setup_.threads))));
  {
    std::vector<std::jthread> pool;
    for (int i = 1; i < workers; ++i) pool.emplace_back([this] { work(); });
    work();
  }  // joins
  std::lock_guard lock(mutex_);
  const bool stopped = setup_.context.stopRequested();
  std::vector<int> unrun;
  for (const auto& [id, outcome] : summary_.nodes) {
    if (outcome.state == NodeState::Queued) unrun.push_back(id);
    if (outcome.state == NodeState::Cancelled) summary_.cancelled = true;
  }
  for (const int id : unrun) report(id, NodeState::Stale, stopped ? "cancelled before it ran" : "not run");
  summary_.cancelled = summary_.cancelled || (stopped && !unrun.empty());
  return summary_;
}

}  // namespace lathe::pipeline
