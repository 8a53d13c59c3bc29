#include "engine/wrangle/ApplyRecipeJob.h"

#include "engine/core/Error.h"
#include "engine/jobs/JobContext.h"
#include "engine/store/DatasetRepository.h"
#include "engine/store/Project.h"
#include "engine/store/RecipeRepository.h"

namespace lathe::wrangle {

ApplyRecipeJob::ApplyRecipeJob(std::shared_ptr<const store::Project> project, std::int64_t versionId, Recipe recipe,
                               std::string recipeName)
    : project_(std::move(project)),
      versionId_(versionId),
      recipe_(std::move(recipe)),
      recipeName_(std::move(recipeName)) {}

void ApplyRecipeJob::run(jobs::JobContext& context) {
  project_->requireWritable();
  store::Database db = project_->connect();
  store::DatasetRepository datasets(db);
  const auto parent = datasets.version(versionId_);
  if (!parent) throw Error(ErrorCode::InvalidArgument, "no dataset version " + std::to_string(versionId_));

  const jobs::JobContext loading = context.subRange(0.0, 0.2);
  const data::Table source = datasets.loadTable(versionId_, {}, &loading);
  recipe_.resolveInputs([&datasets](std::int64_t id) {
    return std::make_shared<const data::Table>(datasets.loadTable(id));
  });
  const jobs::JobContext fitting = context.subRange(0.2, 0.75);
  auto result = std::make_shared<const data::Table>(recipe_.fit(source, &fitting));
  context.throwIfStopped();

  // The recipe row and the version are two transactions (each repository keeps its own); a
  // version that fails to store takes its recipe row with it.
  store::RecipeRepository recipes(db);
  const std::string definition = recipe_.toJson().dump();
  const std::int64_t recipeId = recipes.add(recipeName_, definition);
  try {
    store::DatasetOrigin origin;
    origin.parentVersionId = versionId_;
    origin.recipeId = recipeId;
    origin.recipeHash = recipe_.hash();
    const jobs::JobContext storing = context.subRange(0.75, 1.0);
    newVersionId_ = datasets.addVersion(parent->datasetId, *result, origin, &storing);
  } catch (...) {
    try {
      recipes.setDeleted(recipeId, true);
    } catch (...) {
    }
    throw;
  }
  table_ = std::move(result);
}

}  // namespace lathe::wrangle
