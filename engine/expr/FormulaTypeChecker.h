#pragma once
#include <string_view>
#include <unordered_map>

#include "engine/data/Table.h"
#include "engine/expr/FormulaNode.h"
#include "engine/expr/FormulaValues.h"

namespace lathe::expr {

// The type of every node of a formula on a table's schema, decided before any row is read.
// Throws FormulaError at the offending sub-expression: an unknown column (with the closest
// name), "a" + 1, if() with a condition that is not true/false, a date compared with text that
// is not an ISO date, and so on. docs/formulas.md lists the rules.
class FormulaTypeChecker {
 public:
  using Types = std::unordered_map<const FormulaNode*, ValueKind>;

  FormulaTypeChecker(const data::Table& table, std::string_view formula) : table_(table), formula_(formula) {}
  ValueKind check(const FormulaNode& node);
  const Types& types() const { return types_; }

 private:
  ValueKind compute(const FormulaNode& node);
  ValueKind column(const FormulaNode& node);
  ValueKind unary(const FormulaNode& node);
  ValueKind binary(const FormulaNode& node);
  ValueKind comparison(const FormulaNode& node, ValueKind left, ValueKind right);
  ValueKind call(const FormulaNode& node);
  ValueKind unify(const FormulaNode& call, const FormulaNode& argument, ValueKind so_far, ValueKind next);

  // Requirements on one operand or argument; each throws FormulaError at `node`.
  void requireNumber(const FormulaNode& node, ValueKind kind, std::string_view what);
  void requireBool(const FormulaNode& node, ValueKind kind, std::string_view what);
  void requireTextual(const FormulaNode& node, ValueKind kind, std::string_view what);
  void requireInteger(const FormulaNode& node, ValueKind kind, std::string_view what);
  void requireDate(const FormulaNode& node, ValueKind kind, std::string_view what);
  [[noreturn]] void fail(const std::string& message, const FormulaNode& node) const;

  const data::Table& table_;
  std::string_view formula_;
  Types types_;
};

// A text literal standing for a date ("2024-03-01"): true and the microseconds when it parses.
bool isDateLiteral(const FormulaNode& node, std::int64_t& micros);

}  // namespace lathe::expr
