#pragma once
#include <cstdint>
#include <memory>
#include <string>

#include "engine/jobs/Job.h"
#include "engine/wrangle/Recipe.h"

namespace lathe::store {
class Project;
}

namespace lathe::wrangle {

// Apply in the recipe panel: loads a stored dataset version, fits the recipe on it, and stores
// the result as the next version of the same dataset with its lineage (the parent version and
// the recipe, which is stored in the project too). On its own connection, with progress and
// Cancel; a cancelled or failed apply leaves no new version behind.
class ApplyRecipeJob final : public jobs::Job {
 public:
  ApplyRecipeJob(std::shared_ptr<const store::Project> project, std::int64_t versionId, Recipe recipe,
                 std::string recipeName);
  std::string name() const override { return "Apply recipe"; }
  void run(jobs::JobContext& context) override;

  // Once run() has returned: the new version and its table.
  std::int64_t newVersionId() const { return newVersionId_; }
  std::shared_ptr<const data::Table> table() const { return table_; }

 private:
  std::shared_ptr<const store::Project> project_;
  std::int64_t versionId_;
  Recipe recipe_;
  std::string recipeName_;
  std::int64_t newVersionId_ = 0;
  std::shared_ptr<const data::Table> table_;
};

}  // namespace lathe::wrangle
