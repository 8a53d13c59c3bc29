#pragma once
#include <string_view>

namespace lathe::pipeline {

// Where a node stands, as the canvas badges show it.
//   Idle       never run by this executor
//   Stale      ran before, but its parameters, an input or the data it reads changed since;
//              also a node left unrun because a node upstream failed or the run was cancelled
//   Queued     waiting in the current run for its inputs or a worker
//   Running    its run function is executing
//   Done       its outputs are cached for its current fingerprint
//   Failed     its run threw, or the node cannot run (unknown type, bad parameters, a cycle)
//   Cancelled  it was running when the user pressed Cancel; nothing is cached for it
enum class NodeState { Idle, Stale, Queued, Running, Done, Failed, Cancelled };

constexpr std::string_view nodeStateName(NodeState state) {
  switch (state) {
    case NodeState::Idle: return "idle";
    case NodeState::Stale: return "stale";
    case NodeState::Queued: return "queued";
    case NodeState::Running: return "running";
    case NodeState::Done: return "done";
    case NodeState::Failed: return "failed";
    case NodeState::Cancelled: return "cancelled";
  }
  return "unknown";
}

}  // namespace lathe::pipeline
