#include "engine/wrangle/RecipeStep.h"

namespace lathe::wrangle {

void RecipeStep::fit(const data::Table&, const jobs::JobContext*) {}

void RecipeStep::restoreFittedState(const nlohmann::json&) {}

void RecipeStep::resolveInputs(const TableResolver&) {}

}  // namespace lathe::wrangle
