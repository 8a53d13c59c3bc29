#pragma once
#include <memory>
#include <optional>
#include <string>

#include "engine/jobs/Job.h"
#include "engine/store/ProjectFileError.h"

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
  // Why the copy failed, when it failed with a ProjectFileError (the window words each problem).
  std::optional<ProjectProblem> problem() const { return problem_; }

 private:
  std::shared_ptr<const Project> project_;
  std::string target_;
  std::optional<ProjectProblem> problem_;
};

}  // namespace lathe::store
