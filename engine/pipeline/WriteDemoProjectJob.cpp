#include "engine/pipeline/WriteDemoProjectJob.h"

#include "engine/pipeline/DemoProject.h"

namespace lathe::pipeline {

void WriteDemoProjectJob::run(jobs::JobContext& context) { DemoProject::write(path_, creditArff_, context); }

}  // namespace lathe::pipeline
