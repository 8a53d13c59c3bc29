#pragma once
#include <string>
#include <vector>

#include "engine/expr/FormulaValues.h"

namespace lathe::expr {

// The function implementations over whole columns (the list is FormulaFunctionCatalog's).
// Arguments are type-checked already; `result` is the kind the checker decided. Apart from
// if(), is_missing() and coalesce(), which FormulaEvaluator handles, a missing argument gives a
// missing result. Split by family: FormulaMathFunctions.cpp, FormulaTextFunctions.cpp,
// FormulaDateFunctions.cpp.
class FormulaFunctions {
 public:
  FormulaFunctions(std::size_t rows, const RowLoop& loop) : rows_(rows), loop_(loop) {}

  FormulaValues call(const std::string& name, ValueKind result, const std::vector<FormulaValues>& args) const;

 private:
  FormulaValues math(const std::string& name, ValueKind result, const std::vector<FormulaValues>& args) const;
  FormulaValues text(const std::string& name, const std::vector<FormulaValues>& args) const;
  FormulaValues date(const std::string& name, const std::vector<FormulaValues>& args) const;

  FormulaValues roundValues(const FormulaValues& x, const FormulaValues* digits) const;
  FormulaValues minMaxClip(const std::string& name, ValueKind result, const std::vector<FormulaValues>& args) const;

  std::size_t rows_;
  const RowLoop& loop_;
};

}  // namespace lathe::expr
