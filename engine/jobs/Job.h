#pragma once
#include <string>

#include "engine/jobs/JobContext.h"

namespace lathe::jobs {

// A unit of background work: an import, a transform, a training, a pipeline run. A job reads
// immutable inputs it was given at construction, keeps its result in itself for the caller to
// take after run() returns, and signals failure by throwing (lathe::Error for expected failures,
// JobCancelled when stopped). The GUI runs jobs on a thread pool, the CLI on its own thread.
class Job {
 public:
  virtual ~Job() = default;
  // In English; the GUI shows its own translated title where it has one.
  virtual std::string name() const = 0;
  virtual void run(JobContext& context) = 0;
};

}  // namespace lathe::jobs
