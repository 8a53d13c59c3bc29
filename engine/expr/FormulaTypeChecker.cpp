#include "engine/expr/FormulaTypeChecker.h"

#include <string>
#include <vector>

#include "engine/data/ValueParsing.h"
#include "engine/expr/ClosestName.h"
#include "engine/expr/FormulaError.h"

namespace lathe::expr {
namespace {

using Kind = FormulaNode::Kind;
using Op = FormulaNode::Op;

std::string describe(ValueKind kind) {
  switch (kind) {
    case ValueKind::Int:
    case ValueKind::Float: return "a number";
    case ValueKind::Bool: return "true/false";
    case ValueKind::Text: return "text";
    case ValueKind::Categorical: return "a category";
    case ValueKind::Datetime: return "a date";
    case ValueKind::Null: return "missing";
  }
  return "?";
}

bool isLiteralText(const FormulaNode& node) { return node.kind == Kind::Text; }

}  // namespace

bool isDateLiteral(const FormulaNode& node, std::int64_t& micros) {
  return node.kind == Kind::Text && data::parseDatetime(node.text, micros);
}

void FormulaTypeChecker::fail(const std::string& message, const FormulaNode& node) const {
  throw FormulaError(message, node.position, std::string(formula_));
}

ValueKind FormulaTypeChecker::check(const FormulaNode& node) {
  const ValueKind kind = compute(node);
  types_[&node] = kind;
  return kind;
}

ValueKind FormulaTypeChecker::compute(const FormulaNode& node) {
  switch (node.kind) {
    case Kind::Integer: return ValueKind::Int;
    case Kind::Number: return ValueKind::Float;
    case Kind::Text: return ValueKind::Text;
    case Kind::Boolean: return ValueKind::Bool;
    case Kind::Missing: return ValueKind::Null;
    case Kind::Column: return column(node);
    case Kind::Unary: return unary(node);
    case Kind::Binary: return binary(node);
    case Kind::Call: return call(node);
  }
  fail("unknown formula node", node);
}

ValueKind FormulaTypeChecker::column(const FormulaNode& node) {
  if (auto index = table_.indexOf(node.text)) return valueKindOf(table_.column(*index).type());
  std::vector<std::string> names;
  names.reserve(table_.columnCount());
  for (const auto& column : table_.columns()) names.push_back(column->name());
  std::string message = "unknown column '" + node.text + "'";
  if (auto closest = closestName(node.text, names)) message += "; did you mean '" + *closest + "'?";
  fail(message, node);
}

void FormulaTypeChecker::requireNumber(const FormulaNode& node, ValueKind kind, std::string_view what) {
  if (!isNumber(kind) && kind != ValueKind::Null)
    fail(std::string(what) + " needs a number, not " + describe(kind), node);
}
void FormulaTypeChecker::requireBool(const FormulaNode& node, ValueKind kind, std::string_view what) {
  if (kind != ValueKind::Bool && kind != ValueKind::Null)
    fail(std::string(what) + " needs true/false, not " + describe(kind), node);
}
void FormulaTypeChecker::requireTextual(const FormulaNode& node, ValueKind kind, std::string_view what) {
  if (!isTextual(kind) && kind != ValueKind::Null)
    fail(std::string(what) + " needs text, not " + describe(kind) + " (convert with to_text())", node);
}
void FormulaTypeChecker::requireInteger(const FormulaNode& node, ValueKind kind, std::string_view what) {
  if (kind != ValueKind::Int && kind != ValueKind::Null)
    fail(std::string(what) + " needs a whole number, not " + (kind == ValueKind::Float ? "a decimal number" : describe(kind)),
         node);
}
void FormulaTypeChecker::requireDate(const FormulaNode& node, ValueKind kind, std::string_view what) {
  std::int64_t micros = 0;
  if (kind == ValueKind::Datetime || kind == ValueKind::Null) return;
  if (isLiteralText(node)) {
    if (isDateLiteral(node, micros)) return;
    fail(std::string(what) + ": \"" + node.text + "\" is not a date (write it as \"2024-03-01\")", node);
  }
  fail(std::string(what) + " needs a date, not " + describe(kind), node);
}

ValueKind FormulaTypeChecker::unary(const FormulaNode& node) {
  const FormulaNode& operand = *node.children[0];
  const ValueKind kind = check(operand);
  if (node.op == Op::Not) {
    requireBool(operand, kind, "'not'");
    return ValueKind::Bool;
  }
  requireNumber(operand, kind, std::string("'") + operatorSpelling(node.op) + "'");
  return kind;
}

ValueKind FormulaTypeChecker::binary(const FormulaNode& node) {
  const FormulaNode& leftNode = *node.children[0];
  const FormulaNode& rightNode = *node.children[1];
  const ValueKind left = check(leftNode);
  const ValueKind right = check(rightNode);
  const std::string what = std::string("'") + operatorSpelling(node.op) + "'";
  switch (node.op) {
    case Op::Add:
    case Op::Subtract:
    case Op::Multiply:
    case Op::Modulo:
      if (node.op == Op::Add && (isTextual(left) || isTextual(right)))
        fail("'+' adds numbers; join text with '&'", isTextual(left) ? leftNode : rightNode);
      requireNumber(leftNode, left, what);
      requireNumber(rightNode, right, what);
      if (left == ValueKind::Float || right == ValueKind::Float) return ValueKind::Float;
      if (left == ValueKind::Null && right == ValueKind::Null) return ValueKind::Null;
      return ValueKind::Int;
    case Op::Divide:
    case Op::Power:
      requireNumber(leftNode, left, what);
      requireNumber(rightNode, right, what);
      return ValueKind::Float;
    case Op::Concat: return ValueKind::Text;
    case Op::And:
    case Op::Or:
      requireBool(leftNode, left, what);
      requireBool(rightNode, right, what);
      return ValueKind::Bool;
    case Op::Equal:
    case Op::NotEqual:
    case Op::Less:
    case Op::LessEqual:
    case Op::Greater:
    case Op::GreaterEqual: return comparison(node, left, right);
    default: fail("unknown operator", node);
  }
}

ValueKind FormulaTypeChecker::comparison(const FormulaNode& node, ValueKind left, ValueKind right) {
  const FormulaNode& leftNode = *node.children[0];
  const FormulaNode& rightNode = *node.children[1];
  const bool fits = left == ValueKind::Null || right == ValueKind::Null || (isNumber(left) && isNumber(right)) ||
                    (isTextual(left) && isTextual(right)) || left == right;
  if (fits) return ValueKind::Bool;
  // A date against a text literal: the literal must be a date.
  const std::string what = std::string("comparing with '") + operatorSpelling(node.op) + "'";
  if (left == ValueKind::Datetime && isLiteralText(rightNode)) {
    requireDate(rightNode, right, what);
    return ValueKind::Bool;
  }
  if (right == ValueKind::Datetime && isLiteralText(leftNode)) {
    requireDate(leftNode, left, what);
    return ValueKind::Bool;
  }
  fail("cannot compare " + describe(left) + " with " + describe(right), rightNode);
}

ValueKind FormulaTypeChecker::unify(const FormulaNode& callNode, const FormulaNode& argument, ValueKind soFar,
                                   ValueKind next) {
  if (soFar == ValueKind::Null) return next;
  if (next == ValueKind::Null) return soFar;
  if (soFar == next && soFar != ValueKind::Categorical) return soFar;
  if (isNumber(soFar) && isNumber(next)) return ValueKind::Float;
  if (isTextual(soFar) && isTextual(next)) return ValueKind::Text;
  fail(callNode.text + "() needs values of one type, but this is " + describe(next) + " and the one before is " +
           describe(soFar),
       argument);
}

ValueKind FormulaTypeChecker::call(const FormulaNode& node) {
  std::vector<ValueKind> args;
  for (const auto& child : node.children) args.push_back(check(*child));
  const std::string& name = node.text;
  const std::string what = name + "()";
  auto arg = [&](std::size_t i) -> const FormulaNode& { return *node.children[i]; };

  if (name == "if") {
    requireBool(arg(0), args[0], "the condition of if()");
    return unify(node, arg(2), args[1], args[2]);
  }
  if (name == "is_missing") return ValueKind::Bool;
  if (name == "coalesce") {
    ValueKind kind = args[0];
    for (std::size_t i = 1; i < args.size(); ++i) kind = unify(node, arg(i), kind, args[i]);
    return kind;
  }
  if (name == "abs" || name == "floor" || name == "ceil") {
    requireNumber(arg(0), args[0], what);
    return args[0];
  }
  if (name == "sqrt" || name == "log" || name == "log10" || name == "log1p" || name == "exp") {
    requireNumber(arg(0), args[0], what);
    return ValueKind::Float;
  }
  if (name == "round") {
    requireNumber(arg(0), args[0], what);
    if (args.size() == 2) requireInteger(arg(1), args[1], "the digits of round()");
    return args[0];
  }
  if (name == "min" || name == "max" || name == "clip") {
    bool anyFloat = false;
    bool allNull = true;
    for (std::size_t i = 0; i < args.size(); ++i) {
      requireNumber(arg(i), args[i], what);
      anyFloat = anyFloat || args[i] == ValueKind::Float;
      allNull = allNull && args[i] == ValueKind::Null;
    }
    return anyFloat ? ValueKind::Float : allNull ? ValueKind::Null : ValueKind::Int;
  }
  if (name == "len") {
    requireTextual(arg(0), args[0], what);
    return ValueKind::Int;
  }
  if (name == "lower" || name == "upper" || name == "trim" || name == "replace") {
    for (std::size_t i = 0; i < args.size(); ++i) requireTextual(arg(i), args[i], what);
    return ValueKind::Text;
  }
  if (name == "contains" || name == "starts_with" || name == "ends_with") {
    for (std::size_t i = 0; i < args.size(); ++i) requireTextual(arg(i), args[i], what);
    return ValueKind::Bool;
  }
  if (name == "substr") {
    requireTextual(arg(0), args[0], what);
    for (std::size_t i = 1; i < args.size(); ++i) requireInteger(arg(i), args[i], what);
    return ValueKind::Text;
  }
  if (name == "to_number") {
    if (args[0] == ValueKind::Datetime) fail("to_number() needs text or a number, not a date", arg(0));
    return ValueKind::Float;
  }
  if (name == "to_text") return ValueKind::Text;
  if (name == "year" || name == "month" || name == "day" || name == "weekday" || name == "hour" || name == "minute") {
    requireDate(arg(0), args[0], what);
    return ValueKind::Int;
  }
  if (name == "date_diff_days") {
    requireDate(arg(0), args[0], what);
    requireDate(arg(1), args[1], what);
    return ValueKind::Float;
  }
  fail("unknown function '" + name + "'", node);
}

}  // namespace lathe::expr
