#pragma once
#include <memory>
#include <string>
#include <vector>

#include "engine/jobs/Job.h"
#include "engine/pipeline/Executor.h"
#include "engine/pipeline/Graph.h"

namespace lathe::pipeline {

class NodeRegistry;

// Run all (or Run node) as a job, for the GUI's JobManager and `lathe run`. Holds a copy of the
// graph taken when the user pressed Run, so edits on the canvas meanwhile do not reach the run,
// and the document's Executor, so outputs stay cached between runs. Per-node states go to the
// Executor's observer; the job's own progress is the share of queued nodes done.
//
// run() throws JobCancelled when a stop left some node not done, and lathe::Error (the failing
// node's code, its message naming the node) when a node failed; summary() tells the rest either
// way.
class RunPipelineJob final : public jobs::Job {
 public:
  RunPipelineJob(std::shared_ptr<Executor> executor, Graph graph, std::shared_ptr<const NodeRegistry> registry,
                 std::vector<int> targets = {});
  std::string name() const override { return "Run pipeline"; }
  void run(jobs::JobContext& context) override;

  // Once run() has returned or thrown.
  const Executor::Summary& summary() const noexcept { return summary_; }
  const Graph& graph() const noexcept { return graph_; }

 private:
  std::shared_ptr<Executor> executor_;
  Graph graph_;
  std::shared_ptr<const NodeRegistry> registry_;
  std::vector<int> targets_;
  Executor::Summary summary_;
};

}  // namespace lathe::pipeline
