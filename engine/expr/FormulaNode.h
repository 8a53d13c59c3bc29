#pragma once
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace lathe::expr {

// One node of a parsed formula. The tree is immutable once parsed and shared between copies of
// a Formula; `position` is the 1-based character (code point) where the node's text starts, so
// every error can point at the sub-expression that caused it.
struct FormulaNode {
  enum class Kind : std::uint8_t {
    Integer,   // integer literal: `integer`
    Number,    // decimal literal: `number`
    Text,      // string literal: `text`
    Boolean,   // true/false: `boolean`
    Missing,   // the literal `missing`
    Column,    // a column reference: `text` is the exact name
    Unary,     // `op` applied to children[0]
    Binary,    // children[0] `op` children[1]
    Call,      // function `text` (lower case) applied to children
  };
  // Operators by their canonical spelling ("and" for both `and` and `&&`).
  enum class Op : std::uint8_t {
    None, Add, Subtract, Multiply, Divide, Modulo, Power, Negate, Plus, Concat,
    Equal, NotEqual, Less, LessEqual, Greater, GreaterEqual, And, Or, Not,
  };

  Kind kind = Kind::Missing;
  Op op = Op::None;
  std::size_t position = 1;
  std::size_t depth = 1;  // levels below and including this node; bounded by the parser
  std::string text;
  std::int64_t integer = 0;
  double number = 0.0;
  bool boolean = false;
  std::vector<std::shared_ptr<const FormulaNode>> children;
};

const char* operatorSpelling(FormulaNode::Op op);

}  // namespace lathe::expr
