#pragma once
#include <cstdint>
#include <memory>
#include <string>

#include <nlohmann/json.hpp>

#include "engine/data/Table.h"
#include "engine/wrangle/RecipeStep.h"

namespace lathe::wrangle {

// What the steps that read a second dataset version (join, concatenate) share: the parameter
// naming it, resolving it before apply(), and refusing to apply before it was resolved. Each
// throws lathe::Error naming the step.

// Parameter 'dataset_version': a positive whole number, required (Parse).
std::int64_t datasetVersionParameter(const nlohmann::json& parameters, const std::string& step);
// The table of dataset version `version`; InvalidArgument "... was not found" when `resolve`
// has none.
std::shared_ptr<const data::Table> resolveDataset(const TableResolver& resolve, std::int64_t version,
                                                  const std::string& step);
// `*table`; InvalidArgument "... has not been loaded" when resolveInputs() did not run.
const data::Table& loadedDataset(const std::shared_ptr<const data::Table>& table, std::int64_t version,
                                 const std::string& step);

}  // namespace lathe::wrangle
