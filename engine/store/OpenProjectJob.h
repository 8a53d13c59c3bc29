#pragma once
#include <memory>
#include <optional>
#include <string>

#include "engine/jobs/Job.h"
#include "engine/store/Project.h"
#include "engine/store/ProjectFileError.h"

namespace lathe::store {

// Opens a project off the GUI thread: the checks before use (quick_check reads every page) and a
// migration can take a while on a big project. The caller takes project() once it has finished;
// a Project may then be used from the caller's thread.
class OpenProjectJob final : public jobs::Job {
 public:
  OpenProjectJob(std::string path, ProjectOpenOptions options) : path_(std::move(path)), options_(std::move(options)) {}
  std::string name() const override { return "Open project"; }
  void run(jobs::JobContext& context) override;
  std::unique_ptr<Project> takeProject() { return std::move(project_); }
  const std::string& path() const { return path_; }
  // Why opening failed, when it failed with a ProjectFileError (the window words each problem).
  std::optional<ProjectProblem> problem() const { return problem_; }

 private:
  std::string path_;
  ProjectOpenOptions options_;
  std::unique_ptr<Project> project_;
  std::optional<ProjectProblem> problem_;
};

}  // namespace lathe::store
