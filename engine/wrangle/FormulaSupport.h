#pragma once
#include <string>
#include <string_view>

#include "engine/expr/Formula.h"

namespace lathe::wrangle {

// Parses a step's formula; a FormulaError becomes lathe::Error(Parse) naming the step kind, the
// formula and the 1-based position (as the ErrorLocation's column).
expr::Formula parseStepFormula(std::string_view text, const std::string& kind);
// Rethrows the current lathe::Error (from evaluating a formula) with the step kind in front.
[[noreturn]] void rethrowWithKind(const std::string& kind);

}  // namespace lathe::wrangle
