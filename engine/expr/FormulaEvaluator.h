#pragma once
#include "engine/data/Table.h"
#include "engine/expr/FormulaNode.h"
#include "engine/expr/FormulaTypeChecker.h"
#include "engine/expr/FormulaValues.h"

namespace lathe::expr {

// Evaluates a type-checked formula tree bottom-up, one whole column per node: each node's
// children become buffers, then one loop over the rows makes the node's buffer. Depth is bounded
// by the parser (256), so the recursion is too. Honours the stop token every 64k rows.
class FormulaEvaluator {
 public:
  FormulaEvaluator(const data::Table& table, const FormulaTypeChecker::Types& types, const jobs::JobContext* context)
      : table_(table), types_(types), loop_(context) {}

  FormulaValues evaluate(const FormulaNode& node);

 private:
  ValueKind kindOf(const FormulaNode& node) const { return types_.at(&node); }
  FormulaValues literal(const FormulaNode& node) const;
  FormulaValues binary(const FormulaNode& node);
  FormulaValues call(const FormulaNode& node);
  // A date operand: a text literal such as "2024-03-01" becomes a datetime value.
  FormulaValues dateOperand(const FormulaNode& node);
  // `values` as `kind` for a branch of if() or coalesce(): int to float, category to text.
  FormulaValues convert(FormulaValues values, ValueKind kind) const;
  FormulaValues choose(const FormulaNode& node);    // if()
  FormulaValues coalesce(const FormulaNode& node);  // coalesce()

  const data::Table& table_;
  const FormulaTypeChecker::Types& types_;
  RowLoop loop_;
};

}  // namespace lathe::expr
