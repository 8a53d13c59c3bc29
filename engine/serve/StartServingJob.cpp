#include "engine/serve/StartServingJob.h"

namespace lathe::serve {

StartServingJob::StartServingJob(std::shared_ptr<const store::Project> project, std::string endpoint,
                                 ServingSession::Options options)
    : project_(std::move(project)), endpoint_(std::move(endpoint)), options_(std::move(options)) {}

void StartServingJob::run(jobs::JobContext& context) {
  context.progress(0.0, "loading the endpoint's model versions");
  auto session = ServingSession::fromProject(project_, endpoint_, options_);
  context.throwIfStopped();
  context.progress(0.9, "starting the server");
  session->start();
  session_ = std::move(session);
  context.progress(1.0, "serving");
}

}  // namespace lathe::serve
