#include "engine/wrangle/FormulaSupport.h"

#include "engine/expr/FormulaError.h"

namespace lathe::wrangle {

expr::Formula parseStepFormula(std::string_view text, const std::string& kind) {
  try {
    return expr::Formula::parse(text);
  } catch (const expr::FormulaError& e) {
    ErrorLocation where = e.where();
    if (where.column < 0) where.column = static_cast<std::int64_t>(e.position());
    throw Error(ErrorCode::Parse, kind + ": formula '" + std::string(text) + "': " + e.message(), where, e.value());
  }
}

void rethrowWithKind(const std::string& kind) {
  try {
    throw;
  } catch (const expr::FormulaError& e) {
    ErrorLocation where = e.where();
    if (where.column < 0) where.column = static_cast<std::int64_t>(e.position());
    throw Error(e.code(), kind + ": " + e.message(), where, e.value());
  } catch (const Error& e) {
    throw Error(e.code(), kind + ": " + e.message(), e.where(), e.value());
  }
}

}  // namespace lathe::wrangle
