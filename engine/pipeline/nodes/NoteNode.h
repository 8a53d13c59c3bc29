#pragma once
#include "engine/pipeline/NodeType.h"

namespace lathe::pipeline {

// Note: an annotation on the canvas, {"text":"..."}. No ports; running it does nothing.
class NoteNode {
 public:
  static constexpr const char* kId = "note";
  static NodeType type();
};

}  // namespace lathe::pipeline
