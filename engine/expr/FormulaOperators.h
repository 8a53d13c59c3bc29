#pragma once
#include "engine/expr/FormulaNode.h"
#include "engine/expr/FormulaValues.h"

namespace lathe::expr {

// The operators over whole columns. Operands have already been type-checked; `rows` is the
// table's row count (scalars broadcast to it). A missing operand gives a missing result, except
// for `and`/`or`, which follow SQL's three-valued logic.
class FormulaOperators {
 public:
  FormulaOperators(std::size_t rows, const RowLoop& loop) : rows_(rows), loop_(loop) {}

  // + - * / % ^ with `result` Int or Float: int64 stays int64 for + - * % (missing on overflow);
  // division or modulo by zero, and inf/NaN results, are missing.
  FormulaValues arithmetic(FormulaNode::Op op, ValueKind result, const FormulaValues& a, const FormulaValues& b) const;
  FormulaValues negate(const FormulaValues& a) const;
  FormulaValues compare(FormulaNode::Op op, const FormulaValues& a, const FormulaValues& b) const;
  FormulaValues logic(FormulaNode::Op op, const FormulaValues& a, const FormulaValues& b) const;
  FormulaValues logicalNot(const FormulaValues& a) const;
  FormulaValues concat(const FormulaValues& a, const FormulaValues& b) const;

 private:
  FormulaValues integerArithmetic(FormulaNode::Op op, const FormulaValues& a, const FormulaValues& b) const;
  FormulaValues floatArithmetic(FormulaNode::Op op, const FormulaValues& a, const FormulaValues& b) const;
  FormulaValues compareText(FormulaNode::Op op, const FormulaValues& a, const FormulaValues& b) const;

  std::size_t rows_;
  const RowLoop& loop_;
};

}  // namespace lathe::expr
