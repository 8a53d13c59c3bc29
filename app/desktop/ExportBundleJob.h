#pragma once
#include <cstdint>
#include <memory>
#include <string>

#include "engine/jobs/Job.h"

namespace lathe::store {
class Project;
}

namespace lathe::app {

// Writes a registered version to a file off the GUI thread (a model's bytes can be megabytes and
// the bundle is hashed): a portable .lathemodel bundle, or an XGBoost model in XGBoost's own
// JSON. On its own connection; the file appears only when complete.
class ExportBundleJob final : public jobs::Job {
 public:
  enum class Format { Bundle, XgboostJson };

  ExportBundleJob(std::shared_ptr<const store::Project> project, std::int64_t versionId, std::string path, Format format);
  std::string name() const override { return "Export model"; }
  void run(jobs::JobContext& context) override;

  const std::string& reference() const { return reference_; }  // "name:version", once run
  // How many fitted recipes the version applies before its model, once run: XGBoost's JSON
  // holds the booster only, so rows fed to it must have been through them.
  std::size_t recipeCount() const { return recipeCount_; }

 private:
  std::shared_ptr<const store::Project> project_;
  std::int64_t versionId_;
  std::string path_;
  Format format_;
  std::string reference_;
  std::size_t recipeCount_ = 0;
};

}  // namespace lathe::app
