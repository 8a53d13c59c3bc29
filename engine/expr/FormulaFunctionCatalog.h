#pragma once
#include <cstddef>
#include <span>
#include <string>
#include <string_view>

namespace lathe::expr {

// The functions a formula may call, and nothing else: the sandbox is this list. Each entry
// gives the argument count the parser checks and the signature error messages show.
struct FormulaFunction {
  std::string_view name;       // lower case; calls match it ignoring ASCII case
  std::size_t minArguments;
  std::size_t maxArguments;    // kVariadic for coalesce
  std::string_view signature;  // "round(x[, digits])"
};

inline constexpr std::size_t kVariadic = static_cast<std::size_t>(-1);

class FormulaFunctionCatalog {
 public:
  static std::span<const FormulaFunction> all();
  // The function called `name` (any ASCII case), or null.
  static const FormulaFunction* find(std::string_view name);
  // Why a name that is not in the list is refused ("today() is not available ..."), with the
  // closest function name when there is one.
  static std::string unknownMessage(std::string_view name);
};

}  // namespace lathe::expr
