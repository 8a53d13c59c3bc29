#pragma once
#include "engine/pipeline/NodeRegistry.h"

namespace lathe::pipeline {

// The node kinds Lathe ships: Import, Recipe, Split, Train, Evaluate, Compare, Predict, Export
// and Note, in one registry the canvas palette lists and every Executor runs with. The nodes
// expect a PipelineEnvironment as the Executor's environment.
class NodeCatalogue {
 public:
  // Built once, on first use (thread-safe), then only read.
  static const NodeRegistry& standard();
  // The same registry for RunPipelineJob, which shares ownership (it is never freed).
  static std::shared_ptr<const NodeRegistry> shared();
};

}  // namespace lathe::pipeline
