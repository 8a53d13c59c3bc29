#pragma once
#include <cstddef>
#include <memory>
#include <string_view>

#include "engine/expr/FormulaNode.h"

namespace lathe::expr {

// Recursive descent over FormulaLexer's tokens. Precedence, lowest first:
//   or ||  <  and &&  <  not !  <  == != < <= > >=  <  &  <  + -  <  * / %  <  unary - +  <  ^
// `^` is right-associative and binds tighter than unary minus (-2^2 is -4); comparisons do not
// chain. Function names and argument counts are checked here; types are FormulaTypeChecker's.
class FormulaParser {
 public:
  static constexpr std::size_t kMaxLength = 64 * 1024;  // bytes
  static constexpr std::size_t kMaxDepth = 256;         // nesting levels

  // Throws FormulaError with the position of the problem.
  static std::shared_ptr<const FormulaNode> parse(std::string_view formula);
};

}  // namespace lathe::expr
