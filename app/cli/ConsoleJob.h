#pragma once
#include "engine/jobs/Job.h"

namespace lathe::cli {

// Runs an engine job for the CLI: on its own thread, with progress on stderr when it is a
// terminal, and Ctrl-C (SIGINT) requesting a stop. Rethrows what the job threw, JobCancelled
// included, on the calling thread.
void runConsoleJob(jobs::Job& job);

}  // namespace lathe::cli
