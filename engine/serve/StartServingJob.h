#pragma once
#include <memory>
#include <string>

#include "engine/jobs/Job.h"
#include "engine/serve/ServingSession.h"

namespace lathe::serve {

// Loads an endpoint's model versions from the project and starts its server, off the caller's
// thread: loading a large forest takes seconds, and the window must not wait for it. Cancel
// between loading and starting leaves nothing running. The started session is the result.
class StartServingJob final : public jobs::Job {
 public:
  StartServingJob(std::shared_ptr<const store::Project> project, std::string endpoint, ServingSession::Options options);
  std::string name() const override { return "Start serving " + endpoint_; }
  void run(jobs::JobContext& context) override;

  // Once run() has returned: the running session, for the caller to keep (and stop).
  std::unique_ptr<ServingSession> takeSession() { return std::move(session_); }

 private:
  std::shared_ptr<const store::Project> project_;
  std::string endpoint_;
  ServingSession::Options options_;
  std::unique_ptr<ServingSession> session_;
};

}  // namespace lathe::serve
