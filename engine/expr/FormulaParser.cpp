#include "engine/expr/FormulaParser.h"

#include <string>
#include <vector>

#include "engine/expr/FormulaError.h"
#include "engine/expr/FormulaFunctionCatalog.h"
#include "engine/expr/FormulaLexer.h"

namespace lathe::expr {
namespace {

using Node = FormulaNode;
using NodePtr = std::shared_ptr<const FormulaNode>;
using Kind = FormulaToken::Kind;

bool isKeyword(const FormulaToken& token, std::string_view keyword) {
  if (token.kind != Kind::Name || token.text.size() != keyword.size()) return false;
  for (std::size_t i = 0; i < keyword.size(); ++i) {
    char c = token.text[i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != keyword[i]) return false;
  }
  return true;
}

std::string lowerAscii(std::string text) {
  for (char& c : text)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return text;
}

class Parser {
 public:
  Parser(std::string_view formula, std::vector<FormulaToken> tokens) : formula_(formula), tokens_(std::move(tokens)) {}

  NodePtr run() {
    if (tokens_.front().kind == Kind::End) fail("the formula is empty", 1);
    NodePtr root = expression();
    const FormulaToken& rest = peek();
    if (rest.kind == Kind::RightParen) fail("')' without a matching '('", rest.position);
    if (rest.kind != Kind::End) fail("unexpected '" + rest.text + "' after a complete expression", rest.position);
    return root;
  }

 private:
  // Counts recursion so that "((((...", "- - - -..." or "not not ..." cannot overflow the stack.
  class DepthGuard {
   public:
    DepthGuard(Parser& parser, std::size_t position) : parser_(parser) {
      if (++parser_.depth_ > FormulaParser::kMaxDepth)
        parser_.fail("the formula nests deeper than " + std::to_string(FormulaParser::kMaxDepth) + " levels", position);
    }
    ~DepthGuard() { --parser_.depth_; }
    DepthGuard(const DepthGuard&) = delete;
    DepthGuard& operator=(const DepthGuard&) = delete;

   private:
    Parser& parser_;
  };

  [[noreturn]] void fail(const std::string& message, std::size_t position) const {
    throw FormulaError(message, position, std::string(formula_));
  }
  const FormulaToken& peek() const { return tokens_[next_]; }
  const FormulaToken& take() { return tokens_[next_ < tokens_.size() - 1 ? next_++ : next_]; }
  bool peekOperator(std::string_view spelling) const {
    return peek().kind == Kind::Operator && peek().text == spelling;
  }

  NodePtr make(Node node) {
    std::size_t deepest = 0;
    for (const auto& child : node.children) deepest = std::max(deepest, child->depth);
    node.depth = deepest + 1;
    // Long operator chains (1+1+1+...) make deep trees too; the evaluator recurses over them.
    if (node.depth > FormulaParser::kMaxDepth)
      fail("the formula nests deeper than " + std::to_string(FormulaParser::kMaxDepth) +
               " levels (a long chain of operators counts as nesting)",
           node.position);
    return std::make_shared<const Node>(std::move(node));
  }
  NodePtr binary(Node::Op op, NodePtr left, NodePtr right, std::size_t position) {
    Node node;
    node.kind = Node::Kind::Binary;
    node.op = op;
    node.position = position;
    node.children = {std::move(left), std::move(right)};
    return make(std::move(node));
  }
  NodePtr unary(Node::Op op, NodePtr operand, std::size_t position) {
    Node node;
    node.kind = Node::Kind::Unary;
    node.op = op;
    node.position = position;
    node.children = {std::move(operand)};
    return make(std::move(node));
  }

  NodePtr expression() { return orExpression(); }

  NodePtr orExpression() {
    NodePtr left = andExpression();
    while (isKeyword(peek(), "or") || peekOperator("||")) {
      const std::size_t position = left->position;
      take();
      left = binary(Node::Op::Or, left, andExpression(), position);
    }
    return left;
  }

  NodePtr andExpression() {
    NodePtr left = notExpression();
    while (isKeyword(peek(), "and") || peekOperator("&&")) {
      const std::size_t position = left->position;
      take();
      left = binary(Node::Op::And, left, notExpression(), position);
    }
    return left;
  }

  NodePtr notExpression() {
    if (isKeyword(peek(), "not") || peekOperator("!")) {
      const std::size_t position = take().position;
      DepthGuard guard(*this, position);
      return unary(Node::Op::Not, notExpression(), position);
    }
    return comparison();
  }

  static Node::Op comparisonOp(const FormulaToken& token) {
    if (token.kind != Kind::Operator) return Node::Op::None;
    if (token.text == "==" || token.text == "=") return Node::Op::Equal;
    if (token.text == "!=" || token.text == "<>") return Node::Op::NotEqual;
    if (token.text == "<") return Node::Op::Less;
    if (token.text == "<=") return Node::Op::LessEqual;
    if (token.text == ">") return Node::Op::Greater;
    if (token.text == ">=") return Node::Op::GreaterEqual;
    return Node::Op::None;
  }

  NodePtr comparison() {
    NodePtr left = concatenation();
    const Node::Op op = comparisonOp(peek());
    if (op == Node::Op::None) return left;
    take();
    NodePtr result = binary(op, left, concatenation(), left->position);
    if (comparisonOp(peek()) != Node::Op::None)
      fail("comparisons cannot be chained; combine them with 'and'", peek().position);
    return result;
  }

  NodePtr concatenation() {
    NodePtr left = additive();
    while (peekOperator("&")) {
      take();
      left = binary(Node::Op::Concat, left, additive(), left->position);
    }
    return left;
  }

  NodePtr additive() {
    NodePtr left = multiplicative();
    while (peekOperator("+") || peekOperator("-")) {
      const Node::Op op = take().text == "+" ? Node::Op::Add : Node::Op::Subtract;
      left = binary(op, left, multiplicative(), left->position);
    }
    return left;
  }

  NodePtr multiplicative() {
    NodePtr left = unaryExpression();
    while (peekOperator("*") || peekOperator("/") || peekOperator("%")) {
      const std::string& spelling = take().text;
      const Node::Op op = spelling == "*" ? Node::Op::Multiply : spelling == "/" ? Node::Op::Divide : Node::Op::Modulo;
      left = binary(op, left, unaryExpression(), left->position);
    }
    return left;
  }

  NodePtr unaryExpression() {
    if (peekOperator("-") || peekOperator("+")) {
      const FormulaToken& sign = take();
      const Node::Op op = sign.text == "-" ? Node::Op::Negate : Node::Op::Plus;
      const std::size_t position = sign.position;
      DepthGuard guard(*this, position);
      return unary(op, unaryExpression(), position);
    }
    return power();
  }

  NodePtr power() {
    NodePtr base = primary();
    if (!peekOperator("^")) return base;
    take();
    DepthGuard guard(*this, base->position);
    return binary(Node::Op::Power, base, unaryExpression(), base->position);
  }

  NodePtr primary() {
    const FormulaToken& token = take();
    Node node;
    node.position = token.position;
    switch (token.kind) {
      case Kind::Integer:
        node.kind = Node::Kind::Integer;
        node.integer = token.integer;
        node.text = token.text;
        return make(std::move(node));
      case Kind::Number:
        node.kind = Node::Kind::Number;
        node.number = token.number;
        node.text = token.text;
        return make(std::move(node));
      case Kind::Text:
        node.kind = Node::Kind::Text;
        node.text = token.text;
        return make(std::move(node));
      case Kind::BracketName:
        node.kind = Node::Kind::Column;
        node.text = token.text;
        return make(std::move(node));
      case Kind::LeftParen: {
        DepthGuard guard(*this, token.position);
        NodePtr inner = expression();
        expect(Kind::RightParen, token.position);
        return inner;
      }
      case Kind::Name: return name(token);
      case Kind::End: fail("the formula ends where a value was expected", token.position);
      case Kind::RightParen: fail("')' where a value was expected", token.position);
      case Kind::Comma: fail("',' where a value was expected", token.position);
      case Kind::Operator: fail("'" + token.text + "' where a value was expected", token.position);
    }
    fail("unexpected token", token.position);
  }

  // After "(" at `open`: the closing ")" or an error at the "(" that is never closed.
  void expect(Kind kind, std::size_t open) {
    if (peek().kind == kind) {
      take();
      return;
    }
    if (peek().kind == Kind::End) fail("'(' without a matching ')'", open);
    fail("expected ')' but found '" + peek().text + "'", peek().position);
  }

  NodePtr name(const FormulaToken& token) {
    Node node;
    node.position = token.position;
    if (isKeyword(token, "true") || isKeyword(token, "false")) {
      node.kind = Node::Kind::Boolean;
      node.boolean = isKeyword(token, "true");
      return make(std::move(node));
    }
    if (isKeyword(token, "missing")) {
      node.kind = Node::Kind::Missing;
      return make(std::move(node));
    }
    if (isKeyword(token, "and") || isKeyword(token, "or"))
      fail("'" + token.text + "' where a value was expected", token.position);
    if (peek().kind != Kind::LeftParen) {
      node.kind = Node::Kind::Column;
      node.text = token.text;
      return make(std::move(node));
    }
    const FormulaFunction* function = FormulaFunctionCatalog::find(token.text);
    if (!function) fail(FormulaFunctionCatalog::unknownMessage(token.text), token.position);
    const std::size_t open = take().position;
    DepthGuard guard(*this, token.position);
    node.kind = Node::Kind::Call;
    node.text = lowerAscii(token.text);
    if (peek().kind != Kind::RightParen) {
      while (true) {
        node.children.push_back(expression());
        if (peek().kind != Kind::Comma) break;
        take();
      }
    }
    expect(Kind::RightParen, open);
    const std::size_t count = node.children.size();
    if (count < function->minArguments || count > function->maxArguments) {
      std::string wanted = function->minArguments == function->maxArguments
                               ? std::to_string(function->minArguments)
                           : function->maxArguments == kVariadic
                               ? "at least " + std::to_string(function->minArguments)
                               : std::to_string(function->minArguments) + " or " + std::to_string(function->maxArguments);
      fail(std::string(function->name) + "() takes " + wanted + " argument" + (wanted == "1" ? "" : "s") + ", not " +
               std::to_string(count) + ": " + std::string(function->signature),
           token.position);
    }
    return make(std::move(node));
  }

  std::string_view formula_;
  std::vector<FormulaToken> tokens_;
  std::size_t next_ = 0;
  std::size_t depth_ = 0;
};

}  // namespace

std::shared_ptr<const FormulaNode> FormulaParser::parse(std::string_view formula) {
  if (formula.size() > kMaxLength)
    throw FormulaError("the formula is " + std::to_string(formula.size()) + " bytes long; the limit is " +
                           std::to_string(kMaxLength) + " (64 KiB)",
                       1, std::string(formula.substr(0, 256)));
  return Parser(formula, FormulaLexer::tokenize(formula)).run();
}

const char* operatorSpelling(FormulaNode::Op op) {
  switch (op) {
    case FormulaNode::Op::Add: return "+";
    case FormulaNode::Op::Subtract: return "-";
    case FormulaNode::Op::Multiply: return "*";
    case FormulaNode::Op::Divide: return "/";
    case FormulaNode::Op::Modulo: return "%";
    case FormulaNode::Op::Power: return "^";
    case FormulaNode::Op::Negate: return "-";
    case FormulaNode::Op::Plus: return "+";
    case FormulaNode::Op::Concat: return "&";
    case FormulaNode::Op::Equal: return "==";
    case FormulaNode::Op::NotEqual: return "!=";
    case FormulaNode::Op::Less: return "<";
    case FormulaNode::Op::LessEqual: return "<=";
    case FormulaNode::Op::Greater: return ">";
    case FormulaNode::Op::GreaterEqual: return ">=";
    case FormulaNode::Op::And: return "and";
    case FormulaNode::Op::Or: return "or";
    case FormulaNode::Op::Not: return "not";
    case FormulaNode::Op::None: break;
  }
  return "?";
}

}  // namespace lathe::expr
