#include "engine/expr/FormulaEvaluator.h"

#include "engine/core/Error.h"
#include "engine/expr/FormulaFunctions.h"
#include "engine/expr/FormulaOperators.h"

namespace lathe::expr {
namespace {

using Kind = FormulaNode::Kind;
using Op = FormulaNode::Op;

// Builds a column of `kind` by picking, for every slot, a value from one of several sources
// (pick returns the source and its slot, or null for missing): the select behind if() and
// coalesce(), one pass, no per-row objects.
template <typename Pick>
FormulaValues gather(ValueKind kind, const ResultShape& shape, const RowLoop& loop, Pick pick) {
  FormulaValues out;
  out.kind = kind;
  out.scalar = shape.scalar;
  out.slots = shape.slots;
  out.valid.assign(shape.slots, 0);
  switch (kind) {
    case ValueKind::Int:
    case ValueKind::Datetime: out.ints.assign(shape.slots, 0); break;
    case ValueKind::Float: out.floats.assign(shape.slots, 0.0); break;
    case ValueKind::Bool: out.bools.assign(shape.slots, 0); break;
    case ValueKind::Text: out.offsets.assign(shape.slots + 1, 0); break;
    case ValueKind::Categorical: out.codes.assign(shape.slots, -1); break;
    case ValueKind::Null: return FormulaValues::missing(ValueKind::Null);
  }
  loop.run(shape.slots, [&](std::size_t i) {
    const auto [source, slot] = pick(i);
    if (source && source->isValid(slot)) {
      out.valid[i] = 1;
      switch (kind) {
        case ValueKind::Int:
        case ValueKind::Datetime: out.ints[i] = source->ints[slot]; break;
        case ValueKind::Float: out.floats[i] = source->floats[slot]; break;
        case ValueKind::Bool: out.bools[i] = source->bools[slot]; break;
        case ValueKind::Text: out.bytes.append(source->textAt(slot)); break;
        case ValueKind::Categorical:
          out.codes[i] = source->codes[slot];
          out.levels = source->levels;
          break;
        case ValueKind::Null: break;
      }
    }
    if (kind == ValueKind::Text) out.offsets[i + 1] = out.bytes.size();
  });
  return out;
}

}  // namespace

FormulaValues FormulaEvaluator::evaluate(const FormulaNode& node) {
  switch (node.kind) {
    case Kind::Integer:
    case Kind::Number:
    case Kind::Text:
    case Kind::Boolean:
    case Kind::Missing: return literal(node);
    case Kind::Column: {
      const auto index = table_.indexOf(node.text);
      if (!index) throw Error(ErrorCode::Internal, "formula column '" + node.text + "' vanished after type checking");
      return FormulaValues::fromColumn(table_.column(*index));
    }
    case Kind::Unary: {
      const FormulaOperators operators(table_.rowCount(), loop_);
      FormulaValues operand = evaluate(*node.children[0]);
      if (node.op == Op::Not) return operators.logicalNot(operand);
      if (node.op == Op::Negate) return operators.negate(operand);
      return operand;
    }
    case Kind::Binary: return binary(node);
    case Kind::Call: return call(node);
  }
  throw Error(ErrorCode::Internal, "unknown formula node");
}

FormulaValues FormulaEvaluator::literal(const FormulaNode& node) const {
  FormulaValues values;
  switch (node.kind) {
    case Kind::Integer:
      values.kind = ValueKind::Int;
      values.ints = {node.integer};
      break;
    case Kind::Number:
      values.kind = ValueKind::Float;
      values.floats = {node.number};
      break;
    case Kind::Text:
      values.kind = ValueKind::Text;
      values.bytes = node.text;
      values.offsets = {0, node.text.size()};
      break;
    case Kind::Boolean:
      values.kind = ValueKind::Bool;
      values.bools = {static_cast<std::uint8_t>(node.boolean ? 1 : 0)};
      break;
    default: return FormulaValues::missing(ValueKind::Null);
  }
  return values;
}

FormulaValues FormulaEvaluator::dateOperand(const FormulaNode& node) {
  std::int64_t micros = 0;
  if (node.kind == Kind::Text && isDateLiteral(node, micros)) {
    FormulaValues values;
    values.kind = ValueKind::Datetime;
    values.ints = {micros};
    return values;
  }
  return evaluate(node);
}

FormulaValues FormulaEvaluator::binary(const FormulaNode& node) {
  const FormulaOperators operators(table_.rowCount(), loop_);
  const FormulaNode& leftNode = *node.children[0];
  const FormulaNode& rightNode = *node.children[1];
  const bool dates = kindOf(leftNode) == ValueKind::Datetime || kindOf(rightNode) == ValueKind::Datetime;
  const FormulaValues left = dates ? dateOperand(leftNode) : evaluate(leftNode);
  const FormulaValues right = dates ? dateOperand(rightNode) : evaluate(rightNode);
  switch (node.op) {
    case Op::Add:
    case Op::Subtract:
    case Op::Multiply:
    case Op::Divide:
    case Op::Modulo:
    case Op::Power: return operators.arithmetic(node.op, kindOf(node), left, right);
    case Op::Concat: return operators.concat(left, right);
    case Op::And:
    case Op::Or: return operators.logic(node.op, left, right);
    default: return operators.compare(node.op, left, right);
  }
}

FormulaValues FormulaEvaluator::convert(FormulaValues values, ValueKind kind) const {
  if (values.kind == kind) return values;
  if (values.kind == ValueKind::Null) return FormulaValues::missing(kind);
  if (kind == ValueKind::Float) return toFloat(values, loop_);
  if (kind == ValueKind::Text) return toText(values, loop_);
  throw Error(ErrorCode::Internal, std::string("formula value of type ") + valueKindName(values.kind) +
                                       " cannot become " + valueKindName(kind));
}

FormulaValues FormulaEvaluator::choose(const FormulaNode& node) {
  const ValueKind kind = kindOf(node);
  const FormulaValues condition = evaluate(*node.children[0]);
  const FormulaValues yes = convert(evaluate(*node.children[1]), kind);
  const FormulaValues no = convert(evaluate(*node.children[2]), kind);
  if (kind == ValueKind::Null || condition.kind == ValueKind::Null) return FormulaValues::missing(kind);
  const ResultShape shape = shapeOf(table_.rowCount(), {&condition, &yes, &no});
  const std::size_t sc = strideOf(condition);
  const std::size_t sy = strideOf(yes);
  const std::size_t sn = strideOf(no);
  return gather(kind, shape, loop_, [&](std::size_t i) -> std::pair<const FormulaValues*, std::size_t> {
    if (!condition.isValid(i * sc)) return {nullptr, 0};
    return condition.bools[i * sc] ? std::pair{&yes, i * sy} : std::pair{&no, i * sn};
  });
}

FormulaValues FormulaEvaluator::coalesce(const FormulaNode& node) {
  const ValueKind kind = kindOf(node);
  FormulaValues result = convert(evaluate(*node.children[0]), kind);
  for (std::size_t k = 1; k < node.children.size(); ++k) {
    const FormulaValues next = convert(evaluate(*node.children[k]), kind);
    if (kind == ValueKind::Null) continue;
    const ResultShape shape = shapeOf(table_.rowCount(), {&result, &next});
    const std::size_t sr = strideOf(result);
    const std::size_t sn = strideOf(next);
    result = gather(kind, shape, loop_, [&](std::size_t i) -> std::pair<const FormulaValues*, std::size_t> {
      return result.isValid(i * sr) ? std::pair{&result, i * sr} : std::pair{&next, i * sn};
    });
  }
  return result;
}

FormulaValues FormulaEvaluator::call(const FormulaNode& node) {
  const std::string& name = node.text;
  if (name == "if") return choose(node);
  if (name == "coalesce") return coalesce(node);
  if (name == "is_missing") {
    const FormulaValues x = evaluate(*node.children[0]);
    FormulaValues out;
    out.kind = ValueKind::Bool;
    out.scalar = x.scalar;
    out.slots = x.slots;
    out.bools.assign(x.slots, 1);
    if (x.kind != ValueKind::Null) loop_.run(x.slots, [&](std::size_t i) { out.bools[i] = x.isValid(i) ? 0 : 1; });
    return out;
  }
  const bool dates = name == "year" || name == "month" || name == "day" || name == "weekday" || name == "hour" ||
                     name == "minute" || name == "date_diff_days";
  std::vector<FormulaValues> args;
  args.reserve(node.children.size());
  for (const auto& child : node.children) args.push_back(dates ? dateOperand(*child) : evaluate(*child));
  return FormulaFunctions(table_.rowCount(), loop_).call(name, kindOf(node), args);
}

}  // namespace lathe::expr
