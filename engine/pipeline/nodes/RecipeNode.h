#pragma once
#include "engine/pipeline/NodeType.h"

namespace lathe::pipeline {

// Recipe: a table in, the table the recipe makes out. Parameters: {"steps":[...]}, the steps as
// Recipe::toJson writes them ({"kind","enabled","parameters"}). The recipe is fitted on the
// whole input (a Split step inside it keeps later steps to its training rows), with progress and
// Cancel between and inside steps; join and concatenate steps read their datasets from the
// project on the node's own connection.
class RecipeNode {
 public:
  static constexpr const char* kId = "recipe";
  static NodeType type();
};

}  // namespace lathe::pipeline
