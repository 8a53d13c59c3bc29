#include "engine/pipeline/RunPipelineJob.h"

#include "engine/core/Error.h"
#include "engine/jobs/JobCancelled.h"
#include "engine/jobs/JobContext.h"
#include "engine/pipeline/NodeRegistry.h"

namespace lathe::pipeline {

RunPipelineJob::RunPipelineJob(std::shared_ptr<Executor> executor, Graph graph,
                               std::shared_ptr<const NodeRegistry> registry, std::vector<int> targets)
    : executor_(std::move(executor)), graph_(std::move(graph)), registry_(std::move(registry)),
      targets_(std::move(targets)) {
  if (!executor_ || !registry_) throw Error(ErrorCode::Internal, "a pipeline run needs an executor and a registry");
}

void RunPipelineJob::run(jobs::JobContext& context) {
  summary_ = executor_->run(graph_, *registry_, targets_, context);
  if (summary_.cancelled) throw jobs::JobCancelled();
  if (summary_.firstFailed != 0) {
    const auto& failed = summary_.nodes.at(summary_.firstFailed);
    const GraphNode* node = graph_.node(summary_.firstFailed);
    const std::string name = node && !node->title.empty() ? node->title : node ? node->type : std::string();
    throw Error(failed.code, "node " + std::to_string(summary_.firstFailed) + " (\"" + name + "\") failed: " +
                                 failed.message);
  }
  context.progress(1.0, "Done");
}

}  // namespace lathe::pipeline
