#pragma once
#include "engine/pipeline/NodeType.h"

namespace lathe::pipeline {

// Export: writes a Table, or Predictions, to a CSV file. Two optional inputs, "table" and
// "predictions"; exactly one must be connected. Parameters: {"path":"out.csv" (relative: from
// the project's folder), "bom":false (UTF-8 with a BOM, for Excel)}. The write is atomic and
// formula-like cells are escaped (BAD_INPUTS 37). Passes what it wrote on as a Table.
class ExportNode {
 public:
  static constexpr const char* kId = "export";
  static NodeType type();
};

}  // namespace lathe::pipeline
