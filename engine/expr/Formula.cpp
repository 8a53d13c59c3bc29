#include "engine/expr/Formula.h"

#include <algorithm>

#include "engine/expr/FormulaEvaluator.h"
#include "engine/expr/FormulaNode.h"
#include "engine/expr/FormulaParser.h"
#include "engine/expr/FormulaTypeChecker.h"

namespace lathe::expr {
namespace {

void collectColumns(const FormulaNode& node, std::vector<std::string>& names) {
  if (node.kind == FormulaNode::Kind::Column && std::find(names.begin(), names.end(), node.text) == names.end())
    names.push_back(node.text);
  for (const auto& child : node.children) collectColumns(*child, names);
}

}  // namespace

Formula::Formula(std::string text, std::shared_ptr<const FormulaNode> root)
    : text_(std::move(text)), root_(std::move(root)) {}

Formula::~Formula() = default;

Formula Formula::parse(std::string_view text) {
  auto root = FormulaParser::parse(text);
  return Formula(std::string(text), std::move(root));
}

std::vector<std::string> Formula::columnsUsed() const {
  std::vector<std::string> names;
  collectColumns(*root_, names);
  return names;
}

data::ColumnType Formula::resultType(const data::Table& table) const {
  FormulaTypeChecker checker(table, text_);
  return columnTypeOf(checker.check(*root_));
}

std::shared_ptr<const data::Column> Formula::evaluate(const data::Table& table, const std::string& name,
                                                      const jobs::JobContext* context) const {
  // Every type error is raised here, before a single row is read.
  FormulaTypeChecker checker(table, text_);
  checker.check(*root_);
  FormulaEvaluator evaluator(table, checker.types(), context);
  return evaluator.evaluate(*root_).toColumn(name, table.rowCount());
}

}  // namespace lathe::expr
