#include "engine/expr/FormulaError.h"

namespace lathe::expr {

// The position goes in as line 1, column `position` of a "file" named "formula", so what() reads
// "formula:1:7: unknown column 'Agee'" like every other located error; the formula is the value.
FormulaError::FormulaError(std::string message, std::size_t position, std::string formula)
    : Error(ErrorCode::Parse, std::move(message),
            ErrorLocation{"formula", 1, static_cast<std::int64_t>(position), -1}, std::move(formula)),
      position_(position) {}

}  // namespace lathe::expr
