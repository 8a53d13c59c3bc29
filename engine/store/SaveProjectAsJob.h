#pragma once
#include <memory>
#include <string>

#include "engine/jobs/Job.h"

namespace lathe::store {

class Project;

// Save As off the GUI thread, through a connection of its own (ProjectCopy; VACUUM INTO also
// works on a read-only or damaged project, which makes Save As the way to rescue one). It holds
// the project, so closing the window's project meanwhile cannot pull it from under the copy.
class SaveProjectAsJob final : public jobs::Job {
 public:
  SaveProjectAsJob(std::shared_ptr<const Project> project, std::string target)
      : project_(std::move(project)), target_(std::move(target)) {}
  std::string name() const override { return "Save project as"; }
  void run(jobs::JobContext& context) override;
  const std::string& target() const { return target_; }

 private:
  std::shared_ptr<const Project> project_;
  std::string target_;
};

}  // namespace lathe::store
