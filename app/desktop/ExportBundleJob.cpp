#include "app/desktop/ExportBundleJob.h"

#include <cstdio>
#include <fstream>

#include "engine/core/Error.h"
#include "engine/deploy/ModelBundle.h"
#include "engine/deploy/ModelRegistry.h"
#include "engine/jobs/JobContext.h"
#include "engine/store/Project.h"

namespace lathe::app {

ExportBundleJob::ExportBundleJob(std::shared_ptr<const store::Project> project, std::int64_t versionId, std::string path,
                                 Format format)
    : project_(std::move(project)), versionId_(versionId), path_(std::move(path)), format_(format) {}

void ExportBundleJob::run(jobs::JobContext& context) {
  store::Database db = project_->connect();
  deploy::ModelRegistry registry(db);
  context.progress(0.1, "reading the version");
  const deploy::ModelVersionContent content = registry.content(versionId_);
  reference_ = content.info.reference();
  recipeCount_ = content.recipes.is_array() ? content.recipes.size() : 0;
  context.throwIfStopped();
  context.progress(0.5, "writing");
  if (format_ == Format::Bundle) {
    deploy::ModelBundle::write(content, path_);
  } else {
    const std::string json = deploy::ModelBundle::xgboostJson(content);
    context.throwIfStopped();
    // Like the bundle: written beside the target, then renamed, so no half file is ever left.
    const std::string partial = path_ + ".partial";
    {
      std::ofstream file(partial, std::ios::binary | std::ios::trunc);
      file << json;
      file.close();
      if (!file) {
        std::remove(partial.c_str());
        throw Error(ErrorCode::Io, "cannot write the XGBoost model", {path_});
      }
    }
    if (std::rename(partial.c_str(), path_.c_str()) != 0) {
      std::remove(partial.c_str());
      throw Error(ErrorCode::Io, "cannot write the XGBoost model", {path_});
    }
  }
  context.progress(1.0, "written");
}

}  // namespace lathe::app
