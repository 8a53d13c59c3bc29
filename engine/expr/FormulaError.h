#pragma once
#include <cstddef>
#include <string>

#include "engine/core/Error.h"

namespace lathe::expr {

// A formula that cannot be parsed or evaluated: the message, and where in the formula
// (1-based character position, counted in Unicode code points so Korean names point right).
class FormulaError : public Error {
 public:
  FormulaError(std::string message, std::size_t position, std::string formula);
  std::size_t position() const noexcept { return position_; }

 private:
  std::size_t position_;
};

}  // namespace lathe::expr
