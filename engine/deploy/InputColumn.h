#pragma once
#include <string>
#include <vector>

#include "engine/data/ColumnType.h"

namespace lathe::deploy {

// One column a registered model expects in what it scores: the columns of the data the model's
// recipe started from, less the target. Requests and batch files are read against this list.
struct InputColumn {
  std::string name;
  data::ColumnType type = data::ColumnType::Float64;
};

using InputSchema = std::vector<InputColumn>;

}  // namespace lathe::deploy
